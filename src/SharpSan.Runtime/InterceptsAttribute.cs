namespace SharpSan.Runtime;

/// <summary>
/// Marks a runtime method as the replacement for a BCL method. The rewriter reads these attributes from
/// SharpSan.Runtime.dll and redirects every matching call in checked code, so this attribute and the methods
/// carrying it are the whole contract between rewriter and interceptors.
/// <para>The interceptor has the target's parameters (and generic parameters, same names). For a
/// constructor (<c>.ctor</c>) it is static, takes the constructor's parameters and returns the new value.</para>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InterceptsAttribute(string targetType, string method) : Attribute
{
    /// <summary>Full metadata name, e.g. <c>System.Runtime.InteropServices.NativeMemory</c> or <c>System.Span`1</c>.</summary>
    public string TargetType { get; } = targetType;
    public string Method { get; } = method;

    /// <summary>The target is an instance method: the interceptor is static and takes the receiver first.</summary>
    public bool Instance { get; init; }

    /// <summary>The sanitizer whose instrumentation redirects the calls: "address" (default), "thread" or "guard", or several separated by commas.</summary>
    public string Sanitizer { get; init; } = "address";
}
