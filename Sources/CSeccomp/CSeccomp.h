// libseccomp (Debian's libseccomp-dev) as a system library: the parent compiles the
// container's filter with it; the child only installs the exported BPF.
#include <seccomp.h>
