using Microsoft.Data.Sqlite;
using System.Diagnostics;

// NativePackage [workload|misuse|child <db>]: a real workload through the e_sqlite3 native library — schema, inserts in
// a transaction, blobs, queries, and a child process (this program again) that opens the same database file; misuse:
// a caller's bug that the native library runs into (a blob span longer than its 16-byte malloc block).
string db = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"native-package-{Environment.ProcessId}.db");
if (args is ["child", ..])
{
    using var c = new SqliteConnection($"Data Source={db}");
    c.Open();
    using var q = c.CreateCommand();
    q.CommandText = "SELECT count(*), sum(length(payload)) FROM items";
    using var r = q.ExecuteReader();
    r.Read();
    Console.WriteLine($"child: {r.GetInt64(0)} rows, {r.GetInt64(1)} payload bytes");
    return 0;
}
if (args is ["misuse", ..])
{
    // A caller's bug the native library runs into: a blob span that claims 64 bytes over a 16-byte malloc block;
    // sqlite copies it (SQLITE_TRANSIENT) with memcpy inside e_sqlite3.
    SQLitePCL.Batteries_V2.Init();
    SQLitePCL.raw.sqlite3_open(":memory:", out var handle);
    SQLitePCL.raw.sqlite3_exec(handle, "CREATE TABLE t (b BLOB)");
    SQLitePCL.raw.sqlite3_prepare_v2(handle, "INSERT INTO t VALUES (?)", out var stmt);
    unsafe
    {
        byte* block = (byte*)Libc.malloc(16);
        for (int i = 0; i < 16; i++) block[i] = (byte)i;
        int rc = BindTooLong(stmt, block);   // BUG-BIND-TOO-LONG
        Console.WriteLine($"bind returned {rc}");
        Libc.free((nint)block);
    }
    SQLitePCL.raw.sqlite3_step(stmt);
    SQLitePCL.raw.sqlite3_finalize(stmt);
    SQLitePCL.raw.sqlite3_close(handle);
    return 0;
}
File.Delete(db);
using (var connection = new SqliteConnection($"Data Source={db}"))
{
    connection.Open();
    using (var create = connection.CreateCommand())
    {
        create.CommandText = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, payload BLOB); CREATE INDEX ix_name ON items(name);";
        create.ExecuteNonQuery();
    }
    using (var tx = connection.BeginTransaction())
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO items (name, payload) VALUES ($name, $payload)";
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        for (int i = 0; i < 2000; i++)
        {
            name.Value = $"item-{i % 97:d3}-{i}";
            payload.Value = Enumerable.Range(0, 16 + i % 200).Select(b => (byte)(b * i)).ToArray();
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }
    using (var query = connection.CreateCommand())
    {
        query.CommandText = "SELECT name, payload FROM items WHERE name LIKE 'item-042-%' ORDER BY id";
        using var reader = query.ExecuteReader();
        int rows = 0; long sum = 0;
        while (reader.Read())
        {
            rows++;
            using var blob = reader.GetStream(1);
            var buffer = new byte[blob.Length];
            blob.ReadExactly(buffer);
            sum += buffer.Sum(b => (long)b);
        }
        Console.WriteLine($"parent: {rows} rows matched, checksum {sum}");
    }
    using (var agg = connection.CreateCommand())
    {
        agg.CommandText = "SELECT substr(name, 1, 8) AS g, count(*), avg(length(payload)) FROM items GROUP BY g ORDER BY g LIMIT 3";
        using var r = agg.ExecuteReader();
        while (r.Read()) Console.WriteLine($"group {r.GetString(0)}: {r.GetInt64(1)} rows, avg {r.GetDouble(2):0.0}");
    }
}
SqliteConnection.ClearAllPools();
var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
if (!Environment.ProcessPath!.EndsWith("NativePackage")) start.ArgumentList.Add(typeof(Program).Assembly.Location);
start.ArgumentList.Add("child");
start.ArgumentList.Add(db);
using (var child = Process.Start(start)!)
{
    Console.Write(child.StandardOutput.ReadToEnd());
    child.WaitForExit();
    Console.WriteLine($"child exited with {child.ExitCode}");
}
File.Delete(db);
return 0;

static unsafe partial class Program
{
    static int BindTooLong(SQLitePCL.sqlite3_stmt stmt, byte* block) => SQLitePCL.raw.sqlite3_bind_blob(stmt, 1, new ReadOnlySpan<byte>(block, 64));   // BUG-BIND-CALL
}

static unsafe class Libc
{
    // Looked up in the global scope, as C code linking against malloc would: under --native address that is ASan's.
    static readonly delegate* unmanaged<nint, nint> s_malloc = (delegate* unmanaged<nint, nint>)System.Runtime.InteropServices.NativeLibrary.GetExport(System.Runtime.InteropServices.NativeLibrary.GetMainProgramHandle(), "malloc");
    static readonly delegate* unmanaged<nint, void> s_free = (delegate* unmanaged<nint, void>)System.Runtime.InteropServices.NativeLibrary.GetExport(System.Runtime.InteropServices.NativeLibrary.GetMainProgramHandle(), "free");
    public static nint malloc(nint size) => s_malloc(size);
    public static void free(nint p) => s_free(p);
}
