using System.Linq;
using System.Xml.Linq;
using GeneratedBus.Generators.Parsing;

namespace GeneratedBus.Generators.Tests.Units;

/// <summary>The doc reader without System.Xml: it reads exactly what XML reads, and hands everything else to XML.</summary>
public class PlainDocXmlTests
{
    [Theory]
    [InlineData("<member name=\"T:Acme.JobStarted\">\n    <summary>Job started.</summary>\n</member>")]
    [InlineData("<member name=\"T:Acme.JobStarted\">\r\n    <summary>\r\n    Job started,\r\n      indented.\r\n    </summary>\r\n    <remarks>Why.</remarks>\r\n</member>\r\n")]
    [InlineData("<member>\n <summary> Job \"started\".</summary>\n <param name=\"x\">ignored</param>\n</member>")]
    [InlineData("<member>\n<remarks>Only remarks.</remarks>\n<summary></summary>\t\n</member>")]
    [InlineData("<member name=\"T:Acme.X\">\n<example>Tab\there.</example>\n</member>")]
    [InlineData("<member name=\"T:Acme.X\">\n<summary name=\"odd > but legal\">Job.</summary><param name=\"Value\">The value.</param>\n</member>")]
    public void A_plain_comment_reads_as_XML_reads_it(string xml)
    {
        var plain = PlainDocXml.Elements(xml);

        Assert.NotNull(plain);
        var expected = XDocument.Parse(xml, LoadOptions.PreserveWhitespace).Root!.Elements()
            .Select(e => (e.Name.LocalName, string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))))
            .ToArray();
        // XML reads every line break as '\n'; the handler doc splits lines on each kind alike.
        Assert.Equal(expected, plain!.Select(e => (e.Tag, e.Text.Replace("\r\n", "\n"))).ToArray());
    }

    [Theory]
    [InlineData("<member><summary>See <see cref=\"T:Acme.Job\"/>.</summary></member>")]
    [InlineData("<member><summary>Jobs &amp; tasks.</summary></member>")]
    [InlineData("<member><summary>a > b</summary></member>")]
    [InlineData("<member><summary>Démarré.</summary></member>")]
    [InlineData("<member><!-- note --><summary>Job.</summary></member>")]
    [InlineData("<member><summary><![CDATA[x]]></summary></member>")]
    [InlineData("<member><summary lang=\"en\">Job.</summary></member>")]
    [InlineData("<member><param name='Value'>Job.</param></member>")]
    [InlineData("<member><param name=\"Va<lue\">Job.</param></member>")]
    [InlineData("<member><summary>A <param name=\"x\">b</param>.</summary></member>")]
    [InlineData("<member><summary/></member>")]
    [InlineData("<member>Loose text<summary>Job.</summary></member>")]
    [InlineData("<member><summary>Job.</remarks></member>")]
    [InlineData("<member><summary>Job.</summary>")]
    [InlineData("<member><summary>Job.</summary></member><member/>")]
    [InlineData("<member name=\"T:Acme.X><summary>Job.</summary></member>")]
    [InlineData("<doc><summary>Job.</summary></doc>")]
    [InlineData("<member><summary>Job.\u0001</summary></member>")]
    public void Anything_else_is_left_to_XML(string xml)
        => Assert.Null(PlainDocXml.Elements(xml));

    [Fact]
    public void Plain_and_XML_comments_make_the_same_handler_doc()
    {
        string[] plain = DocComments.HandlerDocFor("<member name=\"T:Acme.X\">\n    <summary>\n    Job started,\n      indented.\n    </summary>\n</member>", "global::Acme.X");
        // The same text, but a comment inside makes it one that only XML reads.
        string[] xml = DocComments.HandlerDocFor("<member name=\"T:Acme.X\">\n    <summary>\n    Job started,\n      indented.\n    </summary><!-- x -->\n</member>", "global::Acme.X");

        Assert.Equal(["<summary>", "Job started,", "indented.", "</summary>", "<param name=\"e\">The event.</param>"], plain);
        Assert.Equal(plain, xml);
    }
}
