#!/usr/bin/env python3
"""Checks that a .NET DLL is debuggable and reproducible as we ship it (no dependencies beyond Python 3):
  - deterministic: a Reproducible entry in the PE debug directory;
  - the CodeView record names the PDB by its file name or a mapped path (/_/...), not the build machine's folder;
  - the portable PDB is embedded (EmbeddedPortablePdb entry: "MPDB" + size + deflate stream);
  - the embedded PDB carries SourceLink JSON mapping /_/* to raw.githubusercontent.com at a commit;
  - neither the DLL nor its PDB contains the folder it was built in (pass it with --build-root).
Usage: inspect-dll.py [--build-root DIR] file.dll...   Prints one line per DLL; exit 1 when a check fails."""
import json, re, struct, sys, zlib

def debug_entries(pe):
    lfanew = struct.unpack_from("<I", pe, 0x3C)[0]
    assert pe[lfanew:lfanew + 4] == b"PE\0\0", "not a PE file"
    coff = lfanew + 4
    sections, opt_size = struct.unpack_from("<H", pe, coff + 2)[0], struct.unpack_from("<H", pe, coff + 16)[0]
    opt = coff + 20
    magic = struct.unpack_from("<H", pe, opt)[0]
    dirs = opt + (96 if magic == 0x10B else 112)
    debug_rva, debug_size = struct.unpack_from("<II", pe, dirs + 6 * 8)
    table = opt + opt_size
    def to_offset(rva):
        for i in range(sections):
            vsize, vaddr, rawsize, rawptr = struct.unpack_from("<IIII", pe, table + 40 * i + 8)
            if vaddr <= rva < vaddr + max(vsize, rawsize):
                return rva - vaddr + rawptr
        raise ValueError("RVA outside sections")
    start = to_offset(debug_rva)
    for i in range(debug_size // 28):
        _, _, _, _, kind, size, _, ptr = struct.unpack_from("<IIHHIIII", pe, start + 28 * i)
        yield kind, pe[ptr:ptr + size]

def inspect(path, build_root):
    pe = open(path, "rb").read()
    entries = list(debug_entries(pe))
    kinds = {k for k, _ in entries}
    problems = []
    if 16 not in kinds: problems.append("not deterministic (no Reproducible debug entry)")
    codeview = next((d for k, d in entries if k == 2), b"")
    pdb_path = codeview[24:].split(b"\0")[0].decode("utf-8", "replace") if codeview[:4] == b"RSDS" else ""
    if not pdb_path or ("/" in pdb_path and not pdb_path.startswith("/_/")):
        problems.append(f"PDB path names the build machine's folder: '{pdb_path}' (ContinuousIntegrationBuild?)")
    embedded = next((d for k, d in entries if k == 17), None)
    pdb, sourcelink = b"", None
    if embedded is None or embedded[:4] != b"MPDB":
        problems.append("no embedded PDB (DebugType=embedded?)")
    else:
        pdb = zlib.decompressobj(-15).decompress(embedded[8:])
        if len(pdb) != struct.unpack_from("<I", embedded, 4)[0]: problems.append("embedded PDB has the wrong size")
        match = re.search(rb'\{"documents":\{.*?\}\}', pdb)
        if match:
            sourcelink = json.loads(match.group(0))["documents"]
        if not sourcelink or not any(k.startswith("/_/") and v.startswith("https://raw.githubusercontent.com/") for k, v in sourcelink.items()):
            problems.append(f"no SourceLink to GitHub in the PDB: {sourcelink}")
    if build_root:
        needle = build_root.rstrip("/").encode()
        if needle in pe or needle in pdb: problems.append(f"contains the build folder {build_root}")
    name = path.rsplit("/", 1)[-1]
    if problems:
        print(f"FAIL {name}: " + "; ".join(problems)); return False
    print(f"ok   {name}: deterministic, PDB {pdb_path} embedded ({len(pdb)} bytes), SourceLink {next(iter(sourcelink.values()))}")
    return True

args, root = sys.argv[1:], None
if args[:1] == ["--build-root"]: root, args = args[1], args[2:]
sys.exit(0 if all([inspect(a, root) for a in args]) else 1)
