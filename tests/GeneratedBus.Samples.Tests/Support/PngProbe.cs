using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace GeneratedBus.Samples.Tests.Support;

/// <summary>
/// Just enough of a PNG decoder to tell a rendered page from a blank one: size, and how many distinct colours the
/// pixels use. Handles the 8-bit RGB and RGBA images Chromium writes.
/// </summary>
internal sealed record PngProbe(int Width, int Height, int DistinctColors)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngProbe Read(string path)
    {
        byte[] png = File.ReadAllBytes(path);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                channels = (data[8], data[9]) switch
                {
                    (8, 2) => 3,
                    (8, 6) => 4,
                    var other => throw new InvalidDataException($"Unsupported PNG bit depth/colour type {other}."),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        return new PngProbe(width, height, CountColors(inflated.ToArray(), width, height, channels));
    }

    // Undoes each scanline's filter (PNG spec, section 9) and counts the distinct pixel values.
    private static int CountColors(byte[] raw, int width, int height, int channels)
    {
        int stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var colors = new HashSet<int>();
        for (int y = 0; y < height; y++)
        {
            int row = y * (stride + 1);
            byte filter = raw[row];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? current[x - channels] : 0;
                int b = previous[x];
                int c = x >= channels ? previous[x - channels] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
                current[x] = (byte)(raw[row + 1 + x] + predicted);
            }

            for (int x = 0; x < stride; x += channels)
            {
                colors.Add(current[x] | (current[x + 1] << 8) | (current[x + 2] << 16));
            }

            (previous, current) = (current, previous);
        }

        return colors.Count;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
