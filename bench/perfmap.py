"""Shared by bench/csc-cpu.sh and bench/csc-profile.sh: reads `perf script -F tid,ip,sym,dso` of a .NET process and names
its code addresses from the runtime's perf map (DOTNET_PerfMapEnabled=1).

perf prints code in the runtime's double-mapped memory as an offset into `/memfd:doublemapper`, while the perf map has
addresses; the mmap events of that mapping (`perf script --show-mmap-events`, reduced by the shell scripts to lines of
"address length offset") translate one into the other.
"""
import bisect
import re

_FRAME = re.compile(r'\s*([0-9a-f]+) (.*?) \((.*)\)$')


class Names:
    """Method names for (ip, dso) pairs of one run; None where the perf map has no method there."""

    def __init__(self, perf_map, mmaps):
        methods = []
        for line in open(perf_map):
            parts = line.rstrip('\n').split(' ', 2)
            if len(parts) == 3:
                try:
                    methods.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
                except ValueError:
                    pass
        methods.sort()
        self._methods = methods
        self._starts = [m[0] for m in methods]
        self._maps = sorted((int(o, 16), int(s, 16), int(l, 16)) for s, l, o in (line.split() for line in open(mmaps)))
        self._offsets = [m[0] for m in self._maps]
        self._cache = {}

    def method(self, ip, dso):
        key = (ip, dso)
        if key not in self._cache:
            self._cache[key] = self._lookup(self._address(int(ip, 16))) if 'doublemapper' in dso else None
        return self._cache[key]

    def _address(self, offset):
        j = bisect.bisect_right(self._offsets, offset) - 1
        while j >= 0 and self._offsets[j] + (1 << 26) > offset:
            start_offset, start, length = self._maps[j]
            if start_offset <= offset < start_offset + length:
                return start + offset - start_offset
            j -= 1
        return None

    def _lookup(self, address):
        if address is None:
            return None
        i = bisect.bisect_right(self._starts, address) - 1
        method = self._methods[i] if i >= 0 else None
        return method[2] if method and method[0] <= address < method[0] + method[1] else None


def is_ours(name):
    """True for a method of Policy.Analyzers or Policy.Model (as the perf map names it)."""
    return name is not None and ('[Policy.Model]' in name or '[Policy.Analyzers]' in name)


def samples(stream):
    """Yields each sample's stack as a list of (ip, sym, dso), leaf first."""
    stack = []
    for line in stream:
        if not line.strip() or not line[0].isspace():
            if stack:
                yield stack
            stack = []
            continue
        match = _FRAME.match(line.rstrip('\n'))
        if match:
            stack.append((match.group(1), match.group(2), match.group(3)))
    if stack:
        yield stack
