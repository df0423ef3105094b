using System.Reflection;
using System.Reflection.Emit;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;
using SharpSan.Runtime.Common.Testing;

namespace SharpSan.Runtime.Tests.Testing;

/// <summary>
/// Which test a finding belongs to, looked up on the report path: it must never throw into the code that raised the
/// finding, whatever is on the thread's real stack.
/// </summary>
public sealed unsafe class TestAttributionTests
{
    /// <summary>Stands for a test framework's attribute: TestAttribution matches attributes by name.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    sealed class TestMethodAttribute : Attribute;

    static class EarlierTests
    {
        /// <summary>A test that ended by an exception escaping into its framework: its shadow frame is left behind.</summary>
        [TestMethod]
        public static void LeftItsFrameBehind() { }
    }

    /// <summary>What the runtime-generated method calls: records what CurrentTest said, or threw.</summary>
    public static class Probe
    {
        public static string? Seen;
        public static Exception? Thrown;

        public static void CurrentTest()
        {
            try { Seen = TestAttribution.CurrentTest(); }
            catch (Exception e) { Thrown = e; }
        }
    }

    /// <summary>
    /// The reported shape: reflection invokes a test class's constructor through a runtime-generated InvokeStub_*, the
    /// constructor queues work (Task.Factory.StartNew asks for the current test), and the thread's shadow stack still
    /// holds the frame of an earlier test that failed. Runtime-generated methods have no metadata token; asking for
    /// one threw InvalidOperationException into the constructor.
    /// </summary>
    [Fact]
    public void CurrentTest_WithAStaleTestFrame_UnderARuntimeGeneratedMethod_IsNoTestAndDoesNotThrow()
    {
        int moduleBase = ModuleRegistry.Register(typeof(EarlierTests).TypeHandle);
        var earlier = typeof(EarlierTests).GetMethod(nameof(EarlierTests.LeftItsFrameBehind))!;
        int* stale = ShadowStack.Enter(moduleBase | (earlier.MetadataToken & 0xFFFFFF));
        try
        {
            var stub = new DynamicMethod("InvokeStub_Probe", typeof(void), Type.EmptyTypes, typeof(TestAttributionTests).Module);
            var il = stub.GetILGenerator();
            il.Emit(OpCodes.Call, typeof(Probe).GetMethod(nameof(Probe.CurrentTest))!);
            il.Emit(OpCodes.Ret);
            Probe.Seen = "not probed";
            Probe.Thrown = null;
            int internalErrors = Common.InternalErrors.Count;

            stub.Invoke(null, null);

            Assert.Null(Probe.Thrown);
            Assert.Null(Probe.Seen);   // the earlier test is not on this thread's real stack
            Assert.Equal(internalErrors, Common.InternalErrors.Count);   // answered, not contained
        }
        finally
        {
            ShadowStack.Exit(stale);
        }
    }

    /// <summary>A frame the shadow call stack would hold for <paramref name="method"/> of this test assembly.</summary>
    internal static int FrameKeyOf(MethodInfo method) => ModuleRegistry.Register(method.DeclaringType!.TypeHandle) | (method.MetadataToken & 0xFFFFFF);
}

/// <summary>An inherited test: declared here, run by the runner for each derived class under the derived class's name.</summary>
public abstract unsafe class InheritedTestContract
{
    [Fact]
    public void CurrentTest_OfAnInheritedTest_IsNamedByTheDerivedClass_AsTheRunnerNamesIt()
    {
        var method = typeof(InheritedTestContract).GetMethod(nameof(CurrentTest_OfAnInheritedTest_IsNamedByTheDerivedClass_AsTheRunnerNamesIt))!;
        int* frame = ShadowStack.EnterTest(TestAttributionTests.FrameKeyOf(method), this, starting: true);
        try
        {
            Assert.Equal($"{GetType().FullName}.{method.Name}", TestAttribution.CurrentTest());
        }
        finally
        {
            ShadowStack.Exit(frame);
        }
    }
}

public sealed class InheritedTestRunForThisClass : InheritedTestContract;
