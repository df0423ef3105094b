namespace Acme.Vendor;

public static class Checksum
{
    public static int Of(ReadOnlySpan<byte> data)
    {
        int a = 1, b = 0;
        foreach (byte x in data) { a = (a + x) % 65521; b = (b + a) % 65521; }
        return (b << 16) | a;
    }
}
