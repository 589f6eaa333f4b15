using System;
using System.Text;

namespace GeneratedBus.Generators.Emitting;

/// <summary>Writes indented C# with <c>\n</c> line endings, so output is byte-identical on every platform.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    // Indentation as whole strings: Append(' ', count) runs a char-fill loop that a cold process first meets unoptimised.
    private static readonly string[] s_indents = CreateIndents(16);

    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes each line of <paramref name="text"/> (a raw string may span several) at the current indentation.</summary>
    public SourceWriter WriteLine(string text)
    {
        // Appends the lines in place: a 1,000-event bus writes some 160,000 lines, and splitting each call's text
        // into new strings first doubled what the emitters allocate.
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            int length = stop - start;
            while (length > 0 && text[start + length - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                AppendIndent();
                _builder.Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    private void AppendIndent()
    {
        if (_indent < s_indents.Length)
        {
            _builder.Append(s_indents[_indent]);
        }
        else
        {
            _builder.Append(' ', _indent * IndentSize);
        }
    }

    private static string[] CreateIndents(int count)
    {
        var indents = new string[count];
        for (int i = 0; i < count; i++)
        {
            indents[i] = new string(' ', i * IndentSize);
        }

        return indents;
    }

    /// <summary>Writes an empty line.</summary>
    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents until the returned scope is disposed, which writes <c>}</c>.</summary>
    public Block Braces()
    {
        WriteLine("{");
        _indent++;
        return new Block(this);
    }

    /// <summary>Indents until the returned scope is disposed, with no braces.</summary>
    public Block Indented()
    {
        _indent++;
        return new Block(this, closeBrace: false);
    }

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();

    /// <summary>Closes a <see cref="Braces"/> or <see cref="Indented"/> scope.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly bool _closeBrace;

        /// <summary>Creates the scope.</summary>
        public Block(SourceWriter writer, bool closeBrace = true)
        {
            _writer = writer;
            _closeBrace = closeBrace;
        }

        /// <summary>Outdents and, for braces, writes <c>}</c>.</summary>
        public void Dispose()
        {
            _writer._indent--;
            if (_closeBrace)
            {
                _writer.WriteLine("}");
            }
        }
    }
}
