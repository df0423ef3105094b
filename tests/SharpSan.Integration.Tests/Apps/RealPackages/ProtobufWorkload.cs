using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace RealPackages;

/// <summary>
/// Google.Protobuf (spans, unsafe UTF-8 and varint code): well-known-type messages serialised to arrays, to
/// ByteStrings and through a CodedOutputStream over a pooled buffer, parsed back and compared; JSON formatting and
/// parsing of the same messages. The digest covers the serialised bytes.
/// </summary>
static class ProtobufWorkload
{
    public static string Run()
    {
        ulong digest = 14695981039346656037;
        int messages = 0;
        for (int i = 0; i < 1_500; i++)
        {
            var message = new Struct();
            message.Fields["n"] = Value.ForNumber(i * 1.5);
            message.Fields["s"] = Value.ForString("text " + i + new string('é', i % 40));
            message.Fields["l"] = Value.ForList(Value.ForNumber(-i), Value.ForBool(i % 2 == 0), Value.ForString("✓" + i), Value.ForNull());
            message.Fields["t"] = Value.ForStruct(new Struct { Fields = { ["inner"] = Value.ForString(new string('x', i % 300)) } });

            byte[] bytes = message.ToByteArray();
            digest = Data.Hash(bytes, digest);
            var parsed = Struct.Parser.ParseFrom(bytes);
            Data.Check(parsed.Equals(message), $"protobuf round trip {i}");

            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(message.CalculateSize() + 16);
            var output = new CodedOutputStream(buffer);
            message.WriteTo(output);
            output.Flush();
            Data.CheckEqual(bytes, buffer.AsSpan(0, (int)output.Position), $"protobuf coded stream {i}");
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);

            var stamp = Timestamp.FromDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 37));
            var wrapped = Any.Pack(stamp);
            Data.Check(Any.Parser.ParseFrom(wrapped.ToByteString()).Unpack<Timestamp>().Equals(stamp), $"protobuf any {i}");

            if (i % 10 == 0)
            {
                string json = JsonFormatter.Default.Format(message);
                Data.Check(JsonParser.Default.Parse<Struct>(json).Equals(message), $"protobuf json {i}");
            }
            messages++;
        }
        return $"{messages} messages, digest {digest:x16}";
    }
}
