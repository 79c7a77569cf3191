#!/usr/bin/env python3
"""Makes a JKS trust store byte-for-byte reproducible (deploy/images/base, for /etc/ssl/certs/java/cacerts).

Debian's ca-certificates-java writes the JVM's trust store as a JKS file in which every entry carries the time it
was added, so two builds of the same packages differ. This rewrites the file with every entry's date set to
SOURCE_DATE_EPOCH and the entries sorted by alias, and signs it again with the store's password (JKS's keyed SHA-1
integrity check), which leaves its meaning unchanged.

    jks-normalize.py FILE EPOCH_SECONDS [STOREPASS]     (STOREPASS: changeit, Debian's default)
"""
import hashlib
import struct
import sys

MAGIC = 0xFEEDFEED


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("truncated JKS file")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def u32(self):
        return struct.unpack(">I", self.take(4))[0]

    def u64(self):
        return struct.unpack(">Q", self.take(8))[0]

    def utf(self):
        return self.take(struct.unpack(">H", self.take(2))[0])


def utf(raw):
    return struct.pack(">H", len(raw)) + raw


def main(path, epoch, storepass="changeit"):
    with open(path, "rb") as f:
        data = f.read()
    r = Reader(data)
    if r.u32() != MAGIC:
        raise SystemExit(f"{path}: not a JKS file (Debian's ca-certificates-java writes JKS)")
    version = r.u32()
    if version != 2:
        raise SystemExit(f"{path}: JKS version {version}; only version 2 is handled")
    key = storepass.encode("utf-16-be") + b"Mighty Aphrodite"
    if hashlib.sha1(key + data[:-20]).digest() != data[-20:]:
        raise SystemExit(f"{path}: the integrity check fails with this password")
    entries = []
    for _ in range(r.u32()):
        tag = r.u32()
        alias = r.utf()
        r.u64()  # the date the entry was added: replaced below
        if tag == 2:  # trusted certificate: type, length, DER
            cert_type = r.utf()
            body = utf(cert_type) + struct.pack(">I", n := r.u32()) + r.take(n)
        elif tag == 1:  # private key entry: protected key, then the certificate chain
            body = struct.pack(">I", n := r.u32()) + r.take(n)
            chain = r.u32()
            body += struct.pack(">I", chain)
            for _ in range(chain):
                cert_type = r.utf()
                body += utf(cert_type) + struct.pack(">I", n := r.u32()) + r.take(n)
        else:
            raise SystemExit(f"{path}: unknown entry tag {tag}")
        entries.append((alias, tag, body))
    if r.pos != len(data) - 20:
        raise SystemExit(f"{path}: unexpected bytes after the entries")
    out = struct.pack(">III", MAGIC, version, len(entries))
    for alias, tag, body in sorted(entries):
        out += struct.pack(">I", tag) + utf(alias) + struct.pack(">Q", epoch * 1000) + body
    out += hashlib.sha1(key + out).digest()
    with open(path, "wb") as f:
        f.write(out)
    print(f"   {path}: {len(entries)} entries, dated {epoch}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:])
