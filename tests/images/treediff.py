#!/usr/bin/env python3
"""treediff.py A B: compares two directory trees as a container would see them: type, mode,
owner, size, content, symlink target, device numbers, mtime of non-directories, xattrs
(overlayfs' own trusted.overlay.* and security.selinux left out) and hard-link groups.
Prints the differences and exits 1, or prints "equal: N entries" and exits 0."""
import hashlib
import os
import stat
import sys

SKIP_XATTRS = ("trusted.overlay.", "user.overlay.", "security.selinux")


def describe(root):
    out, inodes = {}, {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            st = os.lstat(p)
            d = {"mode": oct(st.st_mode), "owner": (st.st_uid, st.st_gid)}
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    d["sha256"] = hashlib.sha256(f.read()).hexdigest()
                d["mtime"] = int(st.st_mtime)
                inodes.setdefault((st.st_dev, st.st_ino), []).append(rel)
            elif stat.S_ISLNK(st.st_mode):
                d["target"] = os.readlink(p)
            elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
                d["rdev"] = (os.major(st.st_rdev), os.minor(st.st_rdev))
            try:
                names = os.listxattr(p, follow_symlinks=False)
            except OSError:
                names = []
            d["xattrs"] = {n: os.getxattr(p, n, follow_symlinks=False).hex()
                           for n in sorted(names) if not n.startswith(SKIP_XATTRS)}
            out[rel] = d
    for group in inodes.values():
        for rel in group:
            out[rel]["links"] = sorted(group)
    return out


def main():
    a, b = describe(sys.argv[1]), describe(sys.argv[2])
    diffs = []
    for k in sorted(set(a) | set(b)):
        if k not in a:
            diffs.append(f"only in {sys.argv[2]}: {k}")
        elif k not in b:
            diffs.append(f"only in {sys.argv[1]}: {k}")
        elif a[k] != b[k]:
            diffs.append(f"{k}: {a[k]} != {b[k]}")
    if diffs:
        print("\n".join(diffs))
        sys.exit(1)
    print(f"equal: {len(a)} entries")


if __name__ == "__main__":
    main()
