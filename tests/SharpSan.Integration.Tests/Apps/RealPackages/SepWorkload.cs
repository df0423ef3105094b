using System.Text;
using nietras.SeparatedValues;

namespace RealPackages;

/// <summary>
/// Sep (a SIMD CSV parser over spans and pooled buffers): a generated table parsed serially and with
/// ParallelEnumerate (rows parsed on pool threads, results in order), columns parsed as numbers, and a writer filled
/// through interpolated strings — Sep's handler reaches DefaultInterpolatedStringHandler's private fields through
/// [UnsafeAccessor] methods, extern methods without IL that the thread mode's rewriter once failed on. The digest
/// covers the parsed values and the written text.
/// </summary>
static class SepWorkload
{
    const int Rows = 20_000;

    public static string Run()
    {
        string table = Table();
        ulong digest = 14695981039346656037;
        long serialSum = 0;
        using (var reader = Sep.Reader().FromText(table))
            foreach (var row in reader)
            {
                serialSum += row["id"].Parse<int>() + (long)row["value"].Parse<double>();
                digest = Data.Hash(Encoding.UTF8.GetBytes(row["name"].ToString()), digest);
            }

        long parallelSum = 0;
        int parallelRows = 0;
        using (var reader = Sep.Reader().FromText(table))
            foreach (var value in reader.ParallelEnumerate(row => row["id"].Parse<int>() + (long)row["value"].Parse<double>()))
            {
                parallelSum += value;
                parallelRows++;
            }
        Data.Check(parallelRows == Rows && parallelSum == serialSum, $"sep parallel {parallelRows} rows sum {parallelSum}, serial {serialSum}");

        using var writer = Sep.New(';').Writer().ToText();
        for (int i = 0; i < 5_000; i++)
        {
            using var row = writer.NewRow();
            row["key"].Set($"k{i:D5}");
            row["pair"].Set($"{i}-{i * 3}");
            row["plain"].Format(i * 7);
        }
        string written = writer.ToString();
        digest = Data.Hash(Encoding.UTF8.GetBytes(written), digest);
        Data.Check(written.Split('\n').Length > 5_000, "sep writer rows");
        return $"{Rows} rows, sum {serialSum}, digest {digest:x16}";
    }

    static string Table()
    {
        var text = new StringBuilder("id;name;value\n");
        uint state = 17;
        for (int i = 0; i < Rows; i++)
        {
            state = Data.Next(state);
            text.Append(i).Append(';').Append("name").Append(state % 997).Append(';').Append((state % 10_000) / 4.0).Append('\n');
        }
        return text.ToString();
    }
}
