using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace RealPackages;

/// <summary>
/// System.IO.Pipelines with a writer and a reader on different threads: length-prefixed frames through pipes with
/// small segments and low back-pressure thresholds (so the writer keeps pausing for the reader and segments are
/// recycled between them), parsed with SequenceReader across segment boundaries; then PipeReader/PipeWriter over
/// streams, with the pipe's stream adapters.
/// </summary>
static class PipelinesWorkload
{
    const int Pipes = 3;
    const int Frames = 400;

    public static string Run()
    {
        // The package is only checked if the app runs the package's copy (see RealPackages.csproj).
        string from = Path.GetDirectoryName(typeof(Pipe).Assembly.Location) == Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)
            ? "app" : "framework";
        var exchanges = Enumerable.Range(0, Pipes).Select(Exchange).ToArray();
        Task.WaitAll(exchanges);
        long bytes = exchanges.Sum(e => e.Result);
        bytes += StreamAdapters().GetAwaiter().GetResult();
        return $"System.IO.Pipelines from the {from} folder, {bytes} bytes verified";
    }

    static async Task<long> Exchange(int id)
    {
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: 4096, resumeWriterThreshold: 1024, minimumSegmentSize: 512, useSynchronizationContext: false));
        var writing = Task.Run(() => Produce(pipe.Writer, id));
        var reading = Task.Run(() => Consume(pipe.Reader, id));
        await Task.WhenAll(writing, reading);
        Data.Check(writing.Result == reading.Result, $"pipe {id}: wrote {writing.Result} bytes, read {reading.Result}");
        return reading.Result;
    }

    static async Task<long> Produce(PipeWriter writer, int id)
    {
        long written = 0;
        for (int frame = 0; frame < Frames; frame++)
        {
            var payload = Payload(id, frame);
            var span = writer.GetSpan(4 + payload.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length);
            payload.CopyTo(span[4..]);
            writer.Advance(4 + payload.Length);
            written += payload.Length;
            if (frame % 3 == 0)
            {
                var result = await writer.FlushAsync();
                Data.Check(!result.IsCanceled && !result.IsCompleted, "writer flush");
            }
        }
        await writer.CompleteAsync();
        return written;
    }

    static async Task<long> Consume(PipeReader reader, int id)
    {
        long read = 0;
        int frame = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var parser = new SequenceReader<byte>(buffer);
            while (TryReadFrame(ref parser, out var payload))
            {
                Data.CheckEqual(Payload(id, frame), payload.IsSingleSegment ? payload.FirstSpan : (ReadOnlySpan<byte>)payload.ToArray(), $"pipe {id} frame {frame}");
                read += payload.Length;
                frame++;
            }
            reader.AdvanceTo(parser.Position, buffer.End);
            if (result.IsCompleted) break;
        }
        await reader.CompleteAsync();
        Data.Check(frame == Frames, $"pipe {id}: {frame} frames");
        return read;
    }

    static bool TryReadFrame(ref SequenceReader<byte> parser, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        var start = parser;
        if (!parser.TryReadLittleEndian(out int length)) return false;
        if (parser.Remaining < length)
        {
            parser = start;
            return false;
        }
        payload = parser.Sequence.Slice(parser.Position, length);
        parser.Advance(length);
        return true;
    }

    static byte[] Payload(int id, int frame) => Data.Text(1 + (frame * 389 + id * 97) % 1700, id * 10_000 + frame);

    /// <summary>PipeWriter.Create over a stream, PipeReader.Create over it again, and a pipe's stream adapters.</summary>
    static async Task<long> StreamAdapters()
    {
        var expected = Data.Mixed(120_000, 9);
        var backing = new MemoryStream();
        var writer = PipeWriter.Create(backing, new StreamPipeWriterOptions(minimumBufferSize: 700, leaveOpen: true));
        for (int at = 0; at < expected.Length;)
        {
            int n = Math.Min(1 + at % 2999, expected.Length - at);
            expected.AsSpan(at, n).CopyTo(writer.GetSpan(n));
            writer.Advance(n);
            at += n;
            if (at % 5 == 0) await writer.FlushAsync();
        }
        await writer.CompleteAsync();
        Data.CheckEqual(expected, backing.ToArray(), "StreamPipeWriter");

        backing.Position = 0;
        var reader = PipeReader.Create(backing, new StreamPipeReaderOptions(bufferSize: 1000, minimumReadSize: 300, leaveOpen: true));
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false, pauseWriterThreshold: 8192, resumeWriterThreshold: 4096));
        var pump = Task.Run(async () =>
        {
            await reader.CopyToAsync(pipe.Writer);
            await reader.CompleteAsync();
            await pipe.Writer.CompleteAsync();
        });
        var copy = new MemoryStream();
        await pipe.Reader.AsStream().CopyToAsync(copy);
        await pump;
        Data.CheckEqual(expected, copy.ToArray(), "StreamPipeReader through a pipe");
        return expected.Length * 2L;
    }
}
