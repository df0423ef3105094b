using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Tests.Stacks;

/// <summary>The depot is process-wide, so every test uses frames from its own random range.</summary>
public sealed class StackDepotTests
{
    static long[] Frames(long seed, int count) =>
        Enumerable.Range(0, count).Select(i => StackFrame.Pack((int)(seed >> 8) + i, (int)(seed & 0xff) + i * 3)).ToArray();

    static long FreshSeed() => Random.Shared.NextInt64(1L << 20, 1L << 38);

    [Fact]
    public void Put_OfTheSameFramesTwice_ReturnsTheSameId()
    {
        long seed = FreshSeed();
        int first = StackDepot.Put(Frames(seed, 5));
        int second = StackDepot.Put(Frames(seed, 5)); // equal contents, different array

        Assert.NotEqual(0, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Put_OfDifferentFrames_ReturnsDifferentIds()
    {
        long seed = FreshSeed();
        var a = Frames(seed, 5);
        var longer = Frames(seed, 6);              // a prefix of each other
        var changed = (long[])a.Clone();
        changed[4] ^= 1;                           // differs only in the outermost frame's offset
        var reordered = a.Reverse().ToArray();

        var ids = new[] { StackDepot.Put(a), StackDepot.Put(longer), StackDepot.Put(changed), StackDepot.Put(reordered), StackDepot.Put(a[..4]) };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Get_ReturnsTheFramesThatWerePut()
    {
        long seed = FreshSeed();
        foreach (int length in new[] { 1, 2, 17, 256, 1024 })
        {
            var frames = Frames(seed + length * 4096L, length);
            Assert.Equal(frames, StackDepot.Get(StackDepot.Put(frames)));
        }
    }

    [Fact]
    public void Put_OfTheEmptyStack_IsIdZeroAndGetOfZeroIsEmpty()
    {
        Assert.Equal(0, StackDepot.Put([]));
        Assert.Empty(StackDepot.Get(0));
    }

    [Fact]
    public void Put_OfMoreThan1024Frames_KeepsTheInnermost1024()
    {
        var frames = Frames(FreshSeed(), 1500);

        int id = StackDepot.Put(frames);

        Assert.Equal(frames[..1024], StackDepot.Get(id));
        Assert.Equal(id, StackDepot.Put(frames[..1024]));
    }

    [Fact]
    public void Put_FromEightThreadsWithOverlappingStacks_GivesEveryThreadTheSameIdPerStack()
    {
        const int Threads = 8, Distinct = 3000;
        long seed = FreshSeed();
        var stacks = Enumerable.Range(0, Distinct).Select(i => Frames(seed + i * 64L, 1 + i % 40)).ToArray();
        var idsByThread = new int[Threads][];
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var ids = idsByThread[t] = new int[Distinct];
            start.SignalAndWait();
            // Odd threads walk the stacks backwards, so some stacks are first seen from both ends.
            for (int k = 0; k < Distinct; k++)
            {
                int i = t % 2 == 0 ? k : Distinct - 1 - k;
                ids[i] = StackDepot.Put(stacks[i]);
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        for (int t = 1; t < Threads; t++)
            Assert.Equal(idsByThread[0], idsByThread[t]);
        Assert.Equal(Distinct, idsByThread[0].Distinct().Count());
        for (int i = 0; i < Distinct; i++)
            Assert.Equal(stacks[i], StackDepot.Get(idsByThread[0][i]));
    }

    [Fact]
    public void Put_OfTheSameNewStackByEightThreadsAtOnce_GivesOneId()
    {
        // All threads insert each fresh stack in lockstep, so the lock-free lookup misses in several threads at
        // once and the insertion under the lock must notice the stack another thread just added.
        const int Threads = 8, Rounds = 400;
        long seed = FreshSeed();
        var ids = new int[Rounds, Threads];
        using var barrier = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (int round = 0; round < Rounds; round++)
            {
                var frames = Frames(seed + round * 64L, 4); // each thread builds its own equal array
                barrier.SignalAndWait();
                ids[round, t] = StackDepot.Put(frames);
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        for (int round = 0; round < Rounds; round++)
            for (int t = 1; t < Threads; t++)
                Assert.True(ids[round, 0] == ids[round, t], $"round {round}: thread 0 got id {ids[round, 0]}, thread {t} got {ids[round, t]}");
    }
}
