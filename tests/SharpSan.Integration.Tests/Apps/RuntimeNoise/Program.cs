// `RuntimeNoise [workload…]`: each workload exercises native code the .NET runtime ships (zlib-ng and brotli in
// libSystem.IO.Compression.Native, OpenSSL through libSystem.Security.Cryptography.Native.OpenSsl, libSystem.Native's
// sockets, inotify and fork/exec, the JIT compiling regular expressions, the GC under many threads) and prints a
// deterministic line, so a run under `--native address` can be compared with a plain run. No workload has a bug.
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection.Emit;
using System.Runtime.Loader;
using System.IO.Compression;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

var all = new (string Name, Func<Task<string>> Run)[]
{
    ("compression", () => Task.FromResult(Compression())),
    ("crypto", () => Task.FromResult(Crypto())),
    ("sockets", Sockets),
    ("tls", Tls),
    ("files", () => Task.FromResult(Files())),
    ("process", () => Task.FromResult(StartProcess())),
    ("regex", () => Task.FromResult(CompiledRegex())),
    ("threads", () => Task.FromResult(ThreadsAndGc())),
    ("interop", () => Task.FromResult(Interop())),
    ("globalization", () => Task.FromResult(Globalization())),
    ("exceptions", () => Task.FromResult(Exceptions())),
    ("reflection", () => Task.FromResult(Reflection())),
    ("certstore", () => Task.FromResult(CertificateStore())),
};
var chosen = args.Length == 0 ? all : all.Where(w => args.Contains(w.Name)).ToArray();
foreach (var (name, run) in chosen) Console.WriteLine($"{name}: {await run()}");
return 0;

static byte[] Sample(int size)
{
    var data = new byte[size];
    for (int i = 0; i < size; i++) data[i] = (byte)("the quick brown fox "[i % 20] ^ (i / 997));
    return data;
}

static byte[] RoundTrip(byte[] data, Func<Stream, Stream> compress, Func<Stream, Stream> decompress)
{
    var packed = new MemoryStream();
    using (var c = compress(packed)) c.Write(data);
    var unpacked = new MemoryStream();
    using (var d = decompress(new MemoryStream(packed.ToArray()))) d.CopyTo(unpacked);
    return unpacked.ToArray();
}

static string Compression()
{
    var data = Sample(1 << 20);
    int ok = 0;
    foreach (var level in new[] { CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize })
    {
        ok += RoundTrip(data, s => new DeflateStream(s, level), s => new DeflateStream(s, CompressionMode.Decompress)).AsSpan().SequenceEqual(data) ? 1 : 0;
        ok += RoundTrip(data, s => new GZipStream(s, level), s => new GZipStream(s, CompressionMode.Decompress)).AsSpan().SequenceEqual(data) ? 1 : 0;
        ok += RoundTrip(data, s => new ZLibStream(s, level), s => new ZLibStream(s, CompressionMode.Decompress)).AsSpan().SequenceEqual(data) ? 1 : 0;
        ok += RoundTrip(data, s => new BrotliStream(s, level), s => new BrotliStream(s, CompressionMode.Decompress)).AsSpan().SequenceEqual(data) ? 1 : 0;
    }
    var target = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
    ok += BrotliEncoder.TryCompress(data, target, out int written) && BrotliDecoder.TryDecompress(target.AsSpan(0, written), new byte[data.Length], out int back) && back == data.Length ? 1 : 0;
    var zip = new MemoryStream();
    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        for (int i = 0; i < 8; i++) using (var e = archive.CreateEntry($"f{i}.bin").Open()) e.Write(data, 0, data.Length / (i + 1));
    using (var archive = new ZipArchive(new MemoryStream(zip.ToArray())))
        ok += archive.Entries.Count(e => { var m = new MemoryStream(); using var s = e.Open(); s.CopyTo(m); return m.Length == e.Length; });
    return $"{ok} of 21 round trips";
}

static string Crypto()
{
    var data = Sample(1 << 18);
    var results = new List<string>
    {
        Convert.ToHexString(SHA1.HashData(data))[..8], Convert.ToHexString(SHA256.HashData(data))[..8],
        Convert.ToHexString(SHA384.HashData(data))[..8], Convert.ToHexString(SHA512.HashData(data))[..8],
        Convert.ToHexString(MD5.HashData(data))[..8], Convert.ToHexString(HMACSHA256.HashData(new byte[32], data))[..8],
    };
    using (var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
    {
        for (int i = 0; i < data.Length; i += 1000) incremental.AppendData(data.AsSpan(i, Math.Min(1000, data.Length - i)));
        results.Add(Convert.ToHexString(incremental.GetHashAndReset())[..8]);
    }
    var key = RandomNumberGenerator.GetBytes(32);
    using (var gcm = new AesGcm(key, 16))
    {
        var nonce = new byte[12]; var tag = new byte[16]; var cipher = new byte[data.Length]; var plain = new byte[data.Length];
        gcm.Encrypt(nonce, data, cipher, tag);
        gcm.Decrypt(nonce, cipher, tag, plain);
        results.Add(plain.AsSpan().SequenceEqual(data) ? "gcm" : "GCM-BROKEN");
    }
    using (var aes = Aes.Create())
    {
        aes.Key = key;
        var cipher = aes.EncryptCbc(data, new byte[16]);
        results.Add(aes.DecryptCbc(cipher, new byte[16]).AsSpan().SequenceEqual(data) ? "cbc" : "CBC-BROKEN");
    }
    using (var chacha = ChaCha20Poly1305.IsSupported ? new ChaCha20Poly1305(key) : null)
    {
        if (chacha is not null)
        {
            var cipher = new byte[1000]; var tag = new byte[16]; var plain = new byte[1000];
            chacha.Encrypt(new byte[12], data.AsSpan(0, 1000), cipher, tag);
            chacha.Decrypt(new byte[12], cipher, tag, plain);
            results.Add(plain.AsSpan().SequenceEqual(data.AsSpan(0, 1000)) ? "chacha" : "CHACHA-BROKEN");
        }
        else results.Add("chacha");
    }
    using (var rsa = RSA.Create(2048))
    {
        var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        var encrypted = rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256);
        results.Add(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss) && rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA256).AsSpan().SequenceEqual(key) ? "rsa" : "RSA-BROKEN");
        using var imported = RSA.Create();
        imported.ImportFromPem(rsa.ExportRSAPrivateKeyPem());
        results.Add(imported.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss) ? "pem" : "PEM-BROKEN");
    }
    using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        results.Add(ec.VerifyData(data, ec.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256) ? "ecdsa" : "ECDSA-BROKEN");
    using (var a = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384))
    using (var b = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384))
        results.Add(a.DeriveKeyMaterial(b.PublicKey).AsSpan().SequenceEqual(b.DeriveKeyMaterial(a.PublicKey)) ? "ecdh" : "ECDH-BROKEN");
    using (var cert = SelfSigned("CN=noise"))
    {
        var exported = cert.Export(X509ContentType.Pkcs12, "pw");
        using var loaded = X509CertificateLoader.LoadPkcs12(exported, "pw");
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        results.Add(loaded.Thumbprint == cert.Thumbprint && loaded.HasPrivateKey && chain.Build(loaded) ? "x509" : "X509-BROKEN");
    }
    var derived = Rfc2898DeriveBytes.Pbkdf2("password", new byte[16], 10000, HashAlgorithmName.SHA256, 32);
    results.Add(Convert.ToHexString(derived)[..8]);
    return string.Join(' ', results);
}

static X509Certificate2 SelfSigned(string subject)
{
    using var key = RSA.Create(2048);
    var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
    var names = new SubjectAlternativeNameBuilder();
    names.AddDnsName("localhost");
    request.CertificateExtensions.Add(names.Build());
    request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
    using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
}

static async Task<string> Sockets()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    int port = ((IPEndPoint)listener.LocalEndpoint).Port;
    var server = Task.Run(async () =>
    {
        long total = 0;
        for (int c = 0; c < 8; c++)
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[8192];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) { total += n; await stream.WriteAsync(buffer.AsMemory(0, n)); }
        }
        return total;
    });
    var clients = Enumerable.Range(0, 8).Select(async c =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var data = Sample(65536 + c);
        var echo = new byte[data.Length];
        var reader = Task.Run(async () => { int read = 0; while (read < echo.Length) read += await stream.ReadAsync(echo.AsMemory(read)); });
        await stream.WriteAsync(data);
        await reader;
        client.Client.Shutdown(SocketShutdown.Send);
        return echo.AsSpan().SequenceEqual(data);
    }).ToArray();
    bool[] echoed = await Task.WhenAll(clients);
    long bytes = await server;
    using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
    using var sender = new UdpClient();
    await sender.SendAsync(Encoding.UTF8.GetBytes("datagram"), (IPEndPoint)udp.Client.LocalEndPoint!);
    var datagram = await udp.ReceiveAsync();
    var addresses = await Dns.GetHostAddressesAsync("localhost");
    return $"{echoed.Count(e => e)} of 8 echoed, {bytes} bytes, udp {Encoding.UTF8.GetString(datagram.Buffer)}, localhost resolves: {addresses.Length > 0}";
}

static async Task<string> Tls()
{
    using var cert = SelfSigned("CN=localhost");
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    int port = ((IPEndPoint)listener.LocalEndpoint).Port;
    var server = Task.Run(async () =>
    {
        using var client = await listener.AcceptTcpClientAsync();
        using var ssl = new SslStream(client.GetStream());
        await ssl.AuthenticateAsServerAsync(cert);
        var buffer = new byte[4096];
        long total = 0;
        int n;
        while ((n = await ssl.ReadAsync(buffer)) > 0) { total += n; await ssl.WriteAsync(buffer.AsMemory(0, n)); }
        return (total, ssl.SslProtocol);
    });
    using var tcp = new TcpClient();
    await tcp.ConnectAsync(IPAddress.Loopback, port);
    using var ssl = new SslStream(tcp.GetStream(), false, (_, c, _, _) => c is not null && c.GetCertHashString() == cert.GetCertHashString());
    await ssl.AuthenticateAsClientAsync("localhost");
    var data = Sample(200_000);
    var echo = new byte[data.Length];
    var reader = Task.Run(async () => { int read = 0; while (read < echo.Length) read += await ssl.ReadAsync(echo.AsMemory(read)); });
    await ssl.WriteAsync(data);
    await reader;
    await ssl.ShutdownAsync();
    tcp.Client.Shutdown(SocketShutdown.Send);
    var (total, protocol) = await server;
    return $"{total} bytes over {(protocol >= System.Security.Authentication.SslProtocols.Tls12 ? "TLS 1.2+" : protocol.ToString())}, echoed: {echo.AsSpan().SequenceEqual(data)}";
}

static string Files()
{
    string folder = Path.Combine(Path.GetTempPath(), "runtime-noise-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        int events = 0;
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        using var seen = new CountdownEvent(1);
        watcher.Created += (_, e) => { if (Interlocked.Increment(ref events) == 20) seen.Signal(); };
        var data = Sample(100_000);
        for (int i = 0; i < 20; i++) File.WriteAllBytes(Path.Combine(folder, $"f{i}.bin"), data);
        bool all = seen.Wait(TimeSpan.FromSeconds(20));
        long read = 0;
        foreach (var f in Directory.EnumerateFiles(folder)) read += File.ReadAllBytes(f).Length;
        using (var stream = new FileStream(Path.Combine(folder, "random.bin"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.Asynchronous | FileOptions.RandomAccess))
        {
            stream.Write(data);
            stream.Position = 500;
            read += stream.Read(new byte[1000]);
        }
        using (var handle = File.OpenHandle(Path.Combine(folder, "random.bin")))
            read += RandomAccess.Read(handle, new byte[4000], 4000);
        using (var mapped = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(Path.Combine(folder, "f0.bin")))
        using (var view = mapped.CreateViewAccessor())
            read += view.ReadByte(99_999) == data[99_999] ? 1 : 0;
        var info = new FileInfo(Path.Combine(folder, "f1.bin"));
        File.SetLastWriteTimeUtc(info.FullName, new DateTime(2020, 1, 1));
        return $"{read} bytes read, 20 created events seen: {all}, mtime {File.GetLastWriteTimeUtc(info.FullName):yyyy}, unix mode set: {SetMode(info.FullName)}";
    }
    finally { Directory.Delete(folder, true); }
}

static bool SetMode(string path)
{
    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    return File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);
}

static string StartProcess()
{
    var start = new ProcessStartInfo("/bin/sh", ["-c", "echo from-child; read line; echo got $line; exit 3"])
    {
        RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true,
    };
    using var p = Process.Start(start)!;
    p.StandardInput.WriteLine("input");
    p.StandardInput.Close();
    string output = p.StandardOutput.ReadToEnd().Replace('\n', ' ').Trim();
    p.WaitForExit();
    int children = 0;
    for (int i = 0; i < 5; i++)
    {
        using var q = Process.Start(new ProcessStartInfo("/bin/true"))!;
        q.WaitForExit();
        children += q.ExitCode == 0 ? 1 : 0;
    }
    return $"'{output}' exit {p.ExitCode}, {children} more children, self {Process.GetCurrentProcess().ProcessName.Length > 0}";
}

static string CompiledRegex()
{
    var text = string.Join("\n", Enumerable.Range(0, 20000).Select(i => $"user{i}@host{i % 17}.example.org said {i * 7} things"));
    var email = new Regex(@"(\w+)@(\w+)\.example\.(org|com)", RegexOptions.Compiled);
    var numbers = new Regex(@"said (\d+) things$", RegexOptions.Compiled | RegexOptions.Multiline);
    var nonBacktracking = new Regex(@"host1[0-6]", RegexOptions.NonBacktracking);
    long sum = 0;
    foreach (Match m in numbers.Matches(text)) sum += long.Parse(m.Groups[1].ValueSpan);
    return $"{email.Count(text)} emails, {nonBacktracking.Count(text)} hosts, sum {sum}, replaced {email.Replace(text, "$2").Length}";
}

static string ThreadsAndGc()
{
    long total = 0;
    var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
    {
        long mine = 0;
        var keep = new List<byte[]>();
        for (int i = 0; i < 2000; i++)
        {
            var a = new byte[(i * 37 + t) % 9000 + 1];
            a[^1] = 1;
            mine += a.Length;
            if (i % 50 == 0) keep.Add(new byte[100_000]);
            if (i % 500 == 0) GC.Collect(t % 3, GCCollectionMode.Forced, blocking: t % 2 == 0, compacting: true);
        }
        Interlocked.Add(ref total, mine + keep.Count);
    })).ToList();
    threads.ForEach(t => t.Start());
    Parallel.For(0, 64, i => { var l = new List<string>(); for (int j = 0; j < 1000; j++) l.Add(j.ToString()); Interlocked.Add(ref total, l.Count); });
    threads.ForEach(t => t.Join());
    GC.Collect(2, GCCollectionMode.Aggressive, true, true);
    GC.WaitForPendingFinalizers();
    var weak = new WeakReference(new object());
    GC.Collect();
    return $"{total} allocated, weak alive: {weak.IsAlive}";
}

static unsafe string Interop()
{
    long sum = 0;
    for (int i = 1; i <= 1000; i++)
    {
        byte* p = (byte*)NativeMemory.Alloc((nuint)i);
        new Span<byte>(p, i).Fill(1);
        p = (byte*)NativeMemory.Realloc(p, (nuint)(i * 2));
        sum += p[i - 1];
        NativeMemory.Free(p);
        IntPtr h = Marshal.AllocHGlobal(i);
        Marshal.WriteByte(h, i - 1, 2);
        sum += Marshal.ReadByte(h, i - 1);
        h = Marshal.ReAllocHGlobal(h, i * 3);
        Marshal.FreeHGlobal(h);
        IntPtr co = Marshal.AllocCoTaskMem(i);
        Marshal.FreeCoTaskMem(co);
        void* aligned = NativeMemory.AlignedAlloc((nuint)i, 64);
        NativeMemory.AlignedFree(aligned);
    }
    IntPtr s = Marshal.StringToHGlobalAnsi("hello from interop");
    string back = Marshal.PtrToStringAnsi(s)!;
    Marshal.FreeHGlobal(s);
    IntPtr u = Marshal.StringToCoTaskMemUTF8("utf8 string");
    back += " " + Marshal.PtrToStringUTF8(u);
    Marshal.FreeCoTaskMem(u);
    var handle = GCHandle.Alloc(new byte[100], GCHandleType.Pinned);
    sum += handle.AddrOfPinnedObject() != IntPtr.Zero ? 1 : 0;
    handle.Free();
    return $"{sum} '{back}' pid {Environment.ProcessId > 0}";
}

static string Globalization()
{
    var results = new List<string>();
    foreach (var name in new[] { "en-US", "tr-TR", "de-DE", "ja-JP", "ar-SA", "zh-Hans", "sv-SE" })
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var words = new[] { "straße", "Strasse", "ıi", "İI", "résumé", "resume", "日本語", "にほんご", "ä", "z" };
        var sorted = words.OrderBy(w => w, StringComparer.Create(culture, CompareOptions.IgnoreCase)).ToArray();
        int index = culture.CompareInfo.IndexOf("Das ist eine STRASSE", "straße", CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        var key = culture.CompareInfo.GetSortKey("résumé").KeyData.Length > 0;
        results.Add($"{name}:{sorted[0][0]}{"iI".ToUpper(culture)}{index}{key}{new DateTime(2024, 3, 1).ToString("D", culture).Length}");
    }
    string composed = "re\u0301sume\u0301".Normalize(NormalizationForm.FormC);
    string idn = new IdnMapping().GetAscii("bücher.example");
    var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc), zone);
    int zones = TimeZoneInfo.GetSystemTimeZones().Count;
    return $"{string.Join(' ', results)} {composed.Length} {idn} {local.Hour} zones>100: {zones > 100} invariant: {CultureInfo.CurrentCulture.Name.Length == 0}";
}

static string Exceptions()
{
    int caught = 0;
    var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
    {
        for (int i = 0; i < 300; i++)
        {
            try { Deep(20 + i % 30, i % 3); }
            catch (InvalidOperationException) { Interlocked.Increment(ref caught); }
            catch (NullReferenceException) { Interlocked.Increment(ref caught); }
            catch (DivideByZeroException) { Interlocked.Increment(ref caught); }
        }
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    try { throw new AggregateException(Enumerable.Range(0, 5).Select(i => new Exception(i.ToString()))); }
    catch (AggregateException e) { caught += e.InnerExceptions.Count; }
    string trace = new StackTrace(true).FrameCount > 0 ? "trace" : "NO-TRACE";
    return $"{caught} caught, {trace}";
}

static int Deep(int depth, int kind)
{
    if (depth > 0) return Deep(depth - 1, kind) + 1;
    object? o = kind == 1 ? null : new object();
    int zero = kind == 2 ? 0 : 1;
    if (kind == 0) throw new InvalidOperationException("deep");
    return o!.GetHashCode() / zero;
}

static string Reflection()
{
    var method = new DynamicMethod("Add", typeof(int), [typeof(int), typeof(int)]);
    var il = method.GetILGenerator();
    il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ldarg_1); il.Emit(OpCodes.Add); il.Emit(OpCodes.Ret);
    var add = method.CreateDelegate<Func<int, int, int>>();
    var x = Expression.Parameter(typeof(int));
    var square = Expression.Lambda<Func<int, int>>(Expression.Multiply(x, x), x).Compile();
    int unloaded = 0;
    for (int i = 0; i < 5; i++)
    {
        var weak = LoadAndUnload(i);
        for (int g = 0; g < 10 && weak.IsAlive; g++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        unloaded += weak.IsAlive ? 0 : 1;
    }
    return $"{add(2, 3)} {square(7)} {typeof(string).GetMethods().Length > 100} collectible types emitted: 5, unloaded: {unloaded > 0}";
}

[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static WeakReference LoadAndUnload(int i)
{
    var context = new AssemblyLoadContext("noise" + i, isCollectible: true);
    var assembly = AssemblyBuilder.DefineDynamicAssembly(new System.Reflection.AssemblyName("Emitted" + i), AssemblyBuilderAccess.RunAndCollect);
    var type = assembly.DefineDynamicModule("m").DefineType("T", System.Reflection.TypeAttributes.Public);
    var get = type.DefineMethod("Get", System.Reflection.MethodAttributes.Public | System.Reflection.MethodAttributes.Static, typeof(int), Type.EmptyTypes);
    var il = get.GetILGenerator();
    il.Emit(OpCodes.Ldc_I4, i); il.Emit(OpCodes.Ret);
    var created = type.CreateType();
    int value = (int)created.GetMethod("Get")!.Invoke(null, null)!;
    if (value != i) throw new InvalidOperationException("emitted code broken");
    var loaded = context.LoadFromAssemblyPath(typeof(Program).Assembly.Location);
    var weak = new WeakReference(context);
    _ = loaded.GetTypes().Length;
    context.Unload();
    return weak;
}

static string CertificateStore()
{
    using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
    store.Open(OpenFlags.ReadOnly);
    int count = store.Certificates.Count;
    int built = 0;
    foreach (var cert in store.Certificates.Take(20))
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        built += chain.Build(cert) ? 1 : 0;
        _ = cert.PublicKey.Oid.FriendlyName;
        _ = cert.Extensions.Count;
    }
    return $"root store has certificates: {count > 0}, {built} of {Math.Min(20, count)} chains built";
}
