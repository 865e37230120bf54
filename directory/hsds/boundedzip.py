"""Reading a zip file from outside within bounds: it may list so many files at most (judged
from its end record, before Python reads its table of contents), none of them at a path
that leaves the archive, and its files are decompressed as a stream that is refused as soon
as the bytes really read pass the total allowed or one file expands past the ratio allowed
(the sizes a zip's headers declare are never trusted to accept anything). A damaged,
truncated or encrypted zip, or one compressed in a way Python would expand in one gulp,
is a ReadError in words, never a traceback."""

import io
import zipfile
import zlib

from .jsonfile import ReadError

RATIO_FREE_BYTES = 1024 * 1024  # a file this small may compress any amount (one value, repeated)
ENTRY_BYTES = 1024  # the most one file may take in a zip's table of contents
CHUNK = 1024 * 1024
# Python's zipfile expands these without a bound on each step (bzip2 turns 4 kB into
# gigabytes), and HSDS tools write deflate: they are refused by name.
METHODS = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64"}
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def _damaged(where, exc):
    reason = str(exc) or ("it ends too soon" if isinstance(exc, EOFError) else repr(exc))
    return ReadError(f"{where} is damaged ({reason}); make the zip again")


def leaves_archive(filename):
    """Return whether a member's path is absolute or climbs out of the archive."""
    parts = filename.replace("\\", "/").split("/")
    return parts[0] == "" or ":" in parts[0] or ".." in parts


class Archive:
    """A zip file opened within bounds: at most `max_members` files, `max_bytes` bytes
    decompressed in all, each file expanding at most `max_ratio` times."""

    def __init__(self, path, max_members, max_bytes, max_ratio):
        self.path, self.max_bytes, self.max_ratio = path, max_bytes, max_ratio
        self.size, self.expanded, self.total = path.stat().st_size, {}, 0
        too_many = f"{path.name}: lists more than {max_members:,} files; at most " \
                   f"{max_members:,} are read (HSDS_IMPORT_MAX_MEMBERS)"
        try:
            with path.open("rb") as handle:
                end = zipfile._EndRecData(handle)  # private, but the one reader of that record
            listed = end and (end[zipfile._ECD_ENTRIES_TOTAL] > max_members
                              or end[zipfile._ECD_SIZE] > max_members * ENTRY_BYTES)
            self.zip = None if listed else zipfile.ZipFile(path)
        except DAMAGED:
            raise ReadError(f"{path.name}: not a zip file, or a damaged or incomplete one; "
                            "make it again") from None
        if self.zip is None or len(self.zip.infolist()) > max_members:
            self.close()
            raise ReadError(too_many)
        unsafe = [n for n in self.zip.namelist() if leaves_archive(n)]
        if unsafe:
            self.close()
            raise ReadError(f"{path.name}: holds {unsafe[0]!r}, a path that leaves the "
                            "package; zips with such paths are refused (make the zip from "
                            "inside the package's folder)")

    def namelist(self):
        return self.zip.namelist()

    def infolist(self):
        return self.zip.infolist()

    def open(self, name):
        """Return one file of the archive as a bounded binary stream."""
        return io.BufferedReader(_Member(self, self.zip.getinfo(name)), CHUNK)

    def count(self, info, size):
        """Note that `size` bytes of `info` were read; refuse the archive past the total
        (a file read twice counts once)."""
        grown = size - self.expanded.get(info.filename, 0)
        if grown > 0:
            self.expanded[info.filename] = size
            self.total += grown
            if self.total > self.max_bytes:
                raise ReadError(
                    f"{self.path.name}: holds more than {self.max_bytes:,} bytes "
                    "uncompressed, whatever its headers say; at most that many are imported "
                    "at once (HSDS_IMPORT_MAX_BYTES)")

    def close(self):
        if getattr(self, "zip", None) is not None:
            self.zip.close()


class _Member(io.RawIOBase):
    """One file's bytes as they are decompressed, refused once past a bound."""

    def __init__(self, archive, info):
        super().__init__()
        self.archive, self.info, self.size = archive, info, 0
        self.where = f"{archive.path.name}: {info.filename}"
        if info.flag_bits & 0x1:
            raise ReadError(f"{self.where} is encrypted; export the package without a "
                            "password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = METHODS.get(info.compress_type, f"method {info.compress_type}")
            raise ReadError(f"{self.where} is compressed with {method}; make the zip again "
                            "with ordinary (deflate) compression")
        compressed = min(info.compress_size, archive.size)
        self.allowed = max(RATIO_FREE_BYTES, compressed * archive.max_ratio)
        try:
            self.handle = archive.zip.open(info)
        except DAMAGED as exc:
            raise _damaged(self.where, exc) from None

    def readable(self):
        return True

    def readinto(self, buffer):
        try:  # zipfile decompresses at most what is asked for: the stream stays bounded
            data = self.handle.read(len(buffer))
        except DAMAGED as exc:
            raise _damaged(self.where, exc) from None
        buffer[:len(data)] = data
        self.size += len(data)
        if self.size > self.allowed:
            raise ReadError(
                f"{self.where} expands to more than {self.archive.max_ratio} times its "
                f"compressed size ({self.size:,} bytes from {self.info.compress_size:,}); "
                "it is refused as a possible zip bomb (HSDS_IMPORT_MAX_RATIO)")
        self.archive.count(self.info, self.size)
        return len(data)

    def close(self):
        if not self.closed and hasattr(self, "handle"):
            self.handle.close()
        super().close()
