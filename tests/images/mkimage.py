#!/usr/bin/env python3
"""Writes the test images of tests/images as OCI image layouts, made here from local files
(busybox-static) and hand-written tar entries, never pulled from anywhere.

    mkimage.py KIND OUTDIR [TAG]

KIND: busybox | features | multiarch | big | dotdot | symlink-escape | whiteout-dotdot | bomb
The layout gets one manifest (an index for multiarch) named TAG (default "latest"); skopeo
copies it into the test registry.
"""
import gzip
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tarfile

MTIME = 1600000000


def entry(name, kind="file", data=b"", mode=0o644, uid=0, gid=0, link="", major=0, minor=0, xattrs=None):
    return dict(name=name, kind=kind, data=data, mode=mode, uid=uid, gid=gid, link=link,
                major=major, minor=minor, xattrs=xattrs or {})


def make_tar(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for e in entries:
            ti = tarfile.TarInfo(e["name"])
            ti.mtime = MTIME
            ti.mode = e["mode"]
            ti.uid, ti.gid = e["uid"], e["gid"]
            ti.uname = ti.gname = ""
            data = None
            kind = e["kind"]
            if kind == "file":
                ti.type = tarfile.REGTYPE
                ti.size = len(e["data"])
                data = io.BytesIO(e["data"])
            elif kind == "dir":
                ti.type = tarfile.DIRTYPE
            elif kind == "symlink":
                ti.type = tarfile.SYMTYPE
                ti.linkname = e["link"]
            elif kind == "hardlink":
                ti.type = tarfile.LNKTYPE
                ti.linkname = e["link"]
            elif kind in ("chr", "blk"):
                ti.type = tarfile.CHRTYPE if kind == "chr" else tarfile.BLKTYPE
                ti.devmajor, ti.devminor = e["major"], e["minor"]
            elif kind == "fifo":
                ti.type = tarfile.FIFOTYPE
            if e["xattrs"]:
                # Binary xattr values (security.capability) need hdrcharset=BINARY.
                ti.pax_headers = {"hdrcharset": "BINARY"}
                for k, v in e["xattrs"].items():
                    ti.pax_headers["SCHILY.xattr." + k] = v.decode("utf-8", "surrogateescape")
            tar.addfile(ti, data)
    return buf.getvalue()


def compress(raw, how):
    if how == "gzip":
        return gzip.compress(raw, compresslevel=6, mtime=0)
    if how == "zstd":
        return subprocess.run(["zstd", "-q", "-c", "-3"], input=raw, stdout=subprocess.PIPE, check=True).stdout
    return raw


LAYER_TYPES = {"gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
               "zstd": "application/vnd.oci.image.layer.v1.tar+zstd",
               "none": "application/vnd.oci.image.layer.v1.tar"}


class Layout:
    def __init__(self, out):
        self.out = out
        os.makedirs(os.path.join(out, "blobs", "sha256"), exist_ok=True)
        with open(os.path.join(out, "oci-layout"), "w") as f:
            f.write('{"imageLayoutVersion":"1.0.0"}')

    def blob(self, data):
        h = hashlib.sha256(data).hexdigest()
        with open(os.path.join(self.out, "blobs", "sha256", h), "wb") as f:
            f.write(data)
        return "sha256:" + h

    def image(self, layers, arch="amd64", config_extra=None):
        """layers: [(entries, compression)] -> manifest descriptor."""
        descs, diff_ids = [], []
        for entries, how in layers:
            raw = make_tar(entries)
            diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
            data = compress(raw, how)
            descs.append({"mediaType": LAYER_TYPES[how], "digest": self.blob(data), "size": len(data)})
        config = {"architecture": arch, "os": "linux", "created": "2020-09-13T12:26:40Z",
                  "config": {"Env": ["PATH=/bin"], "Cmd": ["/bin/sh"], "WorkingDir": "/",
                             "Labels": {"org.strata.test": "yes"}},
                  "rootfs": {"type": "layers", "diff_ids": diff_ids},
                  "history": [{"created": "2020-09-13T12:26:40Z", "created_by": "tests/images/mkimage.py"}]}
        if config_extra:
            config["config"].update(config_extra)
        cbytes = json.dumps(config, sort_keys=True).encode()
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                               "digest": self.blob(cbytes), "size": len(cbytes)},
                    "layers": descs}
        mbytes = json.dumps(manifest, sort_keys=True).encode()
        return {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": self.blob(mbytes), "size": len(mbytes),
                "platform": {"architecture": arch, "os": "linux"}}

    def finish(self, desc, tag):
        desc = dict(desc)
        desc["annotations"] = {"org.opencontainers.image.ref.name": tag}
        with open(os.path.join(self.out, "index.json"), "w") as f:
            json.dump({"schemaVersion": 2, "manifests": [desc]}, f)


def busybox_entries():
    with open("/bin/busybox", "rb") as f:
        bb = f.read()
    es = [entry("bin/", "dir", mode=0o755), entry("bin/busybox", data=bb, mode=0o755)]
    for applet in ["sh", "ls", "cat", "echo", "id", "stat", "true", "false", "sleep", "ps"]:
        es.append(entry("bin/" + applet, "symlink", link="busybox", mode=0o777))
    es += [entry("etc/", "dir", mode=0o755),
           entry("etc/passwd", data=b"root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n"),
           entry("etc/group", data=b"root:x:0:\nnogroup:x:65534:\n"),
           entry("tmp/", "dir", mode=0o1777), entry("root/", "dir", mode=0o700)]
    if os.environ.get("SALT"):
        # A distinct layer (and so distinct blobs in the registry) for tests that corrupt one.
        es.append(entry("etc/salt", data=os.environ["SALT"].encode()))
    return es


# CAP_NET_RAW (13) permitted + effective, vfs_cap_data revision 2.
CAP_NET_RAW = struct.pack("<IIIII", 0x02000001, 1 << 13, 0, 0, 0)


def features(layout):
    l1 = [entry("a/", "dir", mode=0o755), entry("a/b/", "dir", mode=0o750, uid=1000, gid=1000),
          entry("a/keep", data=b"old keep\n"), entry("a/gone", data=b"deleted in layer 2\n"),
          entry("a/b/x", data=b"x\n", mode=0o600, uid=1000, gid=1000),
          entry("opq/", "dir", mode=0o755), entry("opq/old1", data=b"1"), entry("opq/sub/", "dir"),
          entry("opq/sub/old2", data=b"2"),
          entry("hl/", "dir"), entry("hl/orig", data=b"linked content\n", mode=0o640, uid=7, gid=8),
          entry("hl/link", "hardlink", link="hl/orig", mode=0o640, uid=7, gid=8),
          entry("sym", "symlink", link="a/keep", mode=0o777),
          entry("abs", "symlink", link="/etc/passwd", mode=0o777),
          entry("dev/", "dir"), entry("dev/null", "chr", mode=0o666, major=1, minor=3),
          entry("dev/loop7", "blk", mode=0o660, gid=6, major=7, minor=7),
          entry("dev/fifo", "fifo", mode=0o600),
          entry("own/", "dir", mode=0o711, uid=1234, gid=5678),
          entry("own/file", data=b"owned\n", mode=0o640, uid=1234, gid=5678),
          entry("own/setuid", data=b"#!/bin/sh\n", mode=0o4755),
          entry("x/", "dir"), entry("x/attr", data=b"with xattr\n", xattrs={"user.test": b"hello"}),
          entry("x/cap", data=b"cap file\n", mode=0o755, xattrs={"security.capability": CAP_NET_RAW}),
          entry("gonedir/", "dir"), entry("gonedir/f", data=b"f")]
    l2 = [entry("a/", "dir", mode=0o755), entry("a/.wh.gone", data=b""), entry("a/keep", data=b"new keep\n"),
          entry("a/b/", "dir", mode=0o750, uid=1000, gid=1000), entry("a/b/y", data=b"y\n"),
          entry(".wh.gonedir", data=b""),
          entry("opq/", "dir", mode=0o755), entry("opq/.wh..wh..opq", data=b""), entry("opq/new", data=b"new\n")]
    l3 = [entry("z", data=b"top layer, uncompressed\n", mode=0o444)]
    return layout.image([(l1, "gzip"), (l2, "zstd"), (l3, "none")])


def main():
    kind, out = sys.argv[1], sys.argv[2]
    tag = sys.argv[3] if len(sys.argv) > 3 else "latest"
    layout = Layout(out)
    if kind == "busybox":
        desc = layout.image([(busybox_entries(), "gzip")])
    elif kind == "features":
        desc = features(layout)
    elif kind == "multiarch":
        amd = layout.image([(busybox_entries(), "gzip"), ([entry("arch", data=b"amd64\n")], "gzip")], arch="amd64")
        arm = layout.image([(busybox_entries(), "gzip"), ([entry("arch", data=b"arm64\n")], "gzip")], arch="arm64")
        index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                 "manifests": [dict(arm, platform={"architecture": "arm64", "os": "linux", "variant": "v8"}), amd]}
        ibytes = json.dumps(index, sort_keys=True).encode()
        desc = {"mediaType": "application/vnd.oci.image.index.v1+json", "digest": layout.blob(ibytes), "size": len(ibytes)}
    elif kind == "big":
        # About 100 MB in 4 layers of incompressible data (bench-images and the kill test).
        size = int(os.environ.get("BIG_MB", "100")) << 20
        layers = [(busybox_entries(), "gzip")]
        for i in range(4):
            layers.append(([entry(f"data/{i}/", "dir"), entry(f"data/{i}/blob", data=os.urandom(size // 4))], "gzip"))
        desc = layout.image(layers)
    elif kind == "dotdot":
        desc = layout.image([([entry("ok", data=b"ok"), entry("../escaped", data=b"escaped")], "gzip")])
    elif kind == "symlink-escape":
        target = os.environ["ESCAPE_TARGET"]
        desc = layout.image([([entry("evil", "symlink", link=target, mode=0o777),
                               entry("evil/pwned", data=b"written through a symlink")], "gzip")])
    elif kind == "whiteout-dotdot":
        desc = layout.image([([entry("a/", "dir")], "gzip"), ([entry("a/.wh...", data=b"")], "gzip")])
    elif kind == "bomb":
        desc = layout.image([([entry("zeros", data=bytes(64 << 20))], "gzip")])
    else:
        sys.exit("unknown kind " + kind)
    layout.finish(desc, tag)


if __name__ == "__main__":
    main()
