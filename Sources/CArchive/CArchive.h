// libarchive's reader API for StrataImage's layer unpacking (Debian: libarchive-dev), and
// <sys/xattr.h>, which Swift's Glibc module leaves out (fsetxattr/lsetxattr of unpacked files).
#include <archive.h>
#include <archive_entry.h>
#include <sys/xattr.h>
