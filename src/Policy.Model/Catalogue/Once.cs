using System;
using System.Threading;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// A value computed on first use, like <see cref="Lazy{T}"/>, but a type of this assembly, whose code our ReadyToRun
    /// image holds for primitives and reference types. <c>Lazy&lt;bool&gt;</c> is framework code over a value type that no
    /// framework image holds, so the runtime JIT-compiles it inside the callback that first touches it, in every build
    /// (docs/performance.md, "Session 12"). The image cannot hold this type's code over <c>ImmutableArray&lt;X&gt;</c>
    /// either (a value type of another assembly around a shared type argument): such values are kept as <c>object</c>
    /// (boxed once) and unboxed by the caller, as in the caches that keep them in a <c>ConcurrentDictionary</c>.
    /// </summary>
    /// <remarks>
    /// <see cref="OnceMode.Publication"/>: racing threads may each compute; the first result stored wins and a callback never
    /// waits for another (the compiler charges an analyzer its callbacks' wall time, waits included).
    /// <see cref="OnceMode.Exclusive"/>: one thread computes and the others wait for its result (for work that must not run
    /// twice). An exception is not cached: the next caller computes again (a cancelled build leaves nothing behind).
    /// </remarks>
    internal sealed class Once<T>
    {
        private Func<T>? _factory;
        private readonly bool _exclusive;
        private T _value = default!;
        private volatile bool _done;

        public Once(Func<T> factory, OnceMode mode)
        {
            _factory = factory;
            _exclusive = mode == OnceMode.Exclusive;
        }

        public T Value => _done ? _value : Compute();

        private T Compute()
        {
            if (!_exclusive)
            {
                var factory = _factory;
                if (factory is null)
                {
                    return ValueAfterPublication();
                }

                var value = factory();
                lock (this)
                {
                    if (!_done)
                    {
                        _value = value;
                        _done = true;
                        _factory = null;
                    }

                    return _value;
                }
            }

            lock (this)
            {
                if (!_done)
                {
                    _value = _factory!();
                    _done = true;
                    _factory = null;
                }

                return _value;
            }
        }

        private T ValueAfterPublication()
        {
            // The factory is cleared only after the value is published, under the same lock.
            lock (this)
            {
                return _value;
            }
        }
    }

    /// <summary>How a <see cref="Once{T}"/> value is computed when threads race for it.</summary>
    internal enum OnceMode
    {
        /// <summary>Each racing thread may compute; the first result stored wins; nobody waits.</summary>
        Publication,

        /// <summary>One thread computes; the others wait for it.</summary>
        Exclusive,
    }
}
