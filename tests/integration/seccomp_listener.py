#!/usr/bin/env python3
"""A seccomp user-notification agent for the integration tests.

Usage: seccomp_listener.py SOCKET_PATH LOG_PATH [--errno NAME=ERRNO]... [--continue NAME]...
                           [--value NAME=N]...

The runtime side of the OCI seccomp notify protocol (linux.seccomp.listenerPath): for each
container the runtime connects to SOCKET_PATH and sends one message whose data is a JSON
"container process state" ({"ociVersion", "fds", "pid", "metadata", "state"}) and whose SCM_RIGHTS
ancillary data carries the descriptors named, in order, by "fds"; "seccompFd" is a seccomp notify
fd. This agent accepts any number of such connections and answers the notifications of every
notify fd it holds, in one thread, with poll(2):

  --errno NAME=E    fail the syscall with errno E
  --value NAME=N    make the syscall return N without running it
  --continue NAME   let the kernel run the syscall (SECCOMP_USER_NOTIF_FLAG_CONTINUE)
  anything else     fail with EPERM

NAME is an x86-64 syscall name from the table below, or "nr<N>" for a number not in it.
It prints "ready" once listening and appends one JSON object per line to LOG_PATH:
  {"event": "state", "metadata", "pid", "id", "status", "fds", "nfds"}   per connection
  {"event": "notify", "syscall", "nr", "pid", "args", "answer", "id"}     per notification
  {"event": "gone", "id"}                                                 when a notify fd hangs up
  {"event": "error", "message"}                                           on a malformed message
SIGTERM or SIGINT stops it and removes SOCKET_PATH.
"""

import errno
import fcntl
import json
import os
import select
import signal
import socket
import struct
import sys

# struct seccomp_notif { u64 id; u32 pid; u32 flags; struct seccomp_data data; }
# struct seccomp_data  { s32 nr; u32 arch; u64 instruction_pointer; u64 args[6]; }
NOTIF = struct.Struct("=QII iIQ6Q")
# struct seccomp_notif_resp { u64 id; s64 val; s32 error; u32 flags; }
NOTIF_RESP = struct.Struct("=QqiI")
assert NOTIF.size == 80 and NOTIF_RESP.size == 24


def _ioc(direction, nr, size):
    """The kernel's _IOC(dir, '!', nr, size) for the seccomp ioctls (SECCOMP_IOC_MAGIC is '!')."""
    return (direction << 30) | (size << 16) | (ord("!") << 8) | nr


_IOC_WRITE, _IOC_READ = 1, 2
SECCOMP_IOCTL_NOTIF_RECV = _ioc(_IOC_READ | _IOC_WRITE, 0, NOTIF.size)
SECCOMP_IOCTL_NOTIF_SEND = _ioc(_IOC_READ | _IOC_WRITE, 1, NOTIF_RESP.size)
SECCOMP_IOCTL_NOTIF_ID_VALID = _ioc(_IOC_WRITE, 2, 8)
assert SECCOMP_IOCTL_NOTIF_RECV == 0xC0502100
assert SECCOMP_IOCTL_NOTIF_SEND == 0xC0182101
assert SECCOMP_IOCTL_NOTIF_ID_VALID == 0x40082102
SECCOMP_USER_NOTIF_FLAG_CONTINUE = 1

AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000

# x86-64 numbers (arch/x86/entry/syscalls/syscall_64.tbl) for the calls tests notify on.
X86_64_NAMES = {
    0: "read", 1: "write", 2: "open", 3: "close", 4: "stat", 5: "fstat", 9: "mmap",
    39: "getpid", 56: "clone", 57: "fork", 59: "execve", 63: "uname", 76: "truncate",
    82: "rename", 83: "mkdir", 84: "rmdir", 86: "link", 87: "unlink", 88: "symlink",
    90: "chmod", 91: "fchmod", 92: "chown", 101: "ptrace", 102: "getuid", 133: "mknod",
    161: "chroot", 165: "mount", 166: "umount2", 169: "reboot", 170: "sethostname",
    171: "setdomainname", 175: "init_module", 176: "delete_module", 246: "kexec_load",
    250: "keyctl", 257: "openat", 258: "mkdirat", 259: "mknodat", 263: "unlinkat",
    268: "fchmodat", 272: "unshare", 298: "perf_event_open", 304: "open_by_handle_at",
    308: "setns", 313: "finit_module", 321: "bpf", 425: "io_uring_setup", 435: "clone3",
}


def syscall_name(nr, arch):
    if arch == AUDIT_ARCH_X86_64:
        name = X86_64_NAMES.get(nr & ~X32_SYSCALL_BIT)
        if name is not None:
            return name
    return "nr%d" % nr


class Stop(Exception):
    pass


def parse_args(argv):
    usage = ("usage: seccomp_listener.py SOCKET_PATH LOG_PATH [--errno NAME=ERRNO]... "
             "[--continue NAME]... [--value NAME=N]...")
    positional, answers = [], {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--errno", "--value", "--continue"):
            if i + 1 >= len(argv):
                sys.exit(usage)
            operand = argv[i + 1]
            i += 2
            if arg == "--continue":
                answers[operand] = ("continue", 0)
                continue
            name, sep, number = operand.partition("=")
            try:
                value = int(number, 0)
            except ValueError:
                sys.exit("%s: %s wants NAME=NUMBER, not %r" % (usage, arg, operand))
            if not sep or not name or (arg == "--errno" and not 0 < value < 4096):
                sys.exit("%s: bad %s %r" % (usage, arg, operand))
            answers[name] = ("errno" if arg == "--errno" else "value", value)
        elif arg.startswith("--"):
            sys.exit("%s: unknown option %s" % (usage, arg))
        else:
            positional.append(arg)
            i += 1
    if len(positional) != 2:
        sys.exit(usage)
    return positional[0], positional[1], answers


class Listener:
    def __init__(self, socket_path, log_path, answers):
        self.socket_path = socket_path
        self.answers = answers
        self.log_file = open(log_path, "a", encoding="utf-8")
        self.poller = select.poll()
        self.connections = {}  # fd -> [socket, bytearray data, [received fds]]
        self.notify_fds = {}   # fd -> container id
        if os.path.exists(socket_path) or os.path.islink(socket_path):
            os.unlink(socket_path)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(socket_path)
        self.server.listen(16)
        self.poller.register(self.server.fileno(), select.POLLIN)

    def log(self, **entry):
        self.log_file.write(json.dumps(entry) + "\n")
        self.log_file.flush()

    def serve(self):
        while True:
            for fd, events in self.poller.poll():
                if fd == self.server.fileno():
                    self.accept()
                elif fd in self.connections:
                    self.read_connection(fd)
                elif fd in self.notify_fds:
                    self.serve_notify_fd(fd, events)

    # The runtime's message.

    def accept(self):
        try:
            conn, _ = self.server.accept()
        except InterruptedError:
            return
        self.connections[conn.fileno()] = [conn, bytearray(), []]
        self.poller.register(conn.fileno(), select.POLLIN)

    def read_connection(self, fd):
        conn, data, fds = self.connections[fd]
        try:
            # Room for many descriptors; a runtime sends one per notify fd in "fds".
            chunk, ancdata, msg_flags, _ = conn.recvmsg(65536, socket.CMSG_SPACE(64 * 4))
        except OSError as exc:
            chunk, ancdata, msg_flags = b"", [], 0
            self.log(event="error", message="recvmsg: %s" % exc)
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                usable = len(payload) - len(payload) % 4
                fds.extend(struct.unpack("%di" % (usable // 4), payload[:usable]))
        if msg_flags & socket.MSG_CTRUNC:
            self.log(event="error", message="ancillary data truncated")
        data.extend(chunk)
        state = None
        if data:
            try:
                state = json.loads(data.decode("utf-8"))
            except ValueError:
                state = None  # incomplete so far, or garbage; decided at EOF
        if state is None and chunk:
            return
        self.poller.unregister(fd)
        del self.connections[fd]
        conn.close()
        if state is None:
            self.log(event="error", message="no container state in %r" % bytes(data[:200]))
            for received in fds:
                os.close(received)
            return
        self.adopt(state, fds)

    def adopt(self, state, fds):
        inner = state.get("state") or {}
        names = state.get("fds") or []
        container = inner.get("id")
        self.log(event="state", metadata=state.get("metadata"), pid=state.get("pid"),
                 id=container, status=inner.get("status"), fds=names, nfds=len(fds))
        for index, fd in enumerate(fds):
            name = names[index] if index < len(names) else ("seccompFd" if len(fds) == 1 else None)
            if name != "seccompFd":
                os.close(fd)
                continue
            self.notify_fds[fd] = container
            self.poller.register(fd, select.POLLIN)

    # Notifications.

    def serve_notify_fd(self, fd, events):
        if events & select.POLLIN:
            request = bytearray(NOTIF.size)  # must be zeroed for RECV
            try:
                fcntl.ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, request, True)
            except OSError as exc:
                if exc.errno == errno.EINTR:
                    return
                if exc.errno != errno.ENOENT:  # ENOENT: the caller died before we read it
                    self.drop(fd, "recv: %s" % os.strerror(exc.errno))
                return
            self.answer(fd, request)
        elif events & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
            # Every task that used the filter has exited.
            self.drop(fd, None)

    def answer(self, fd, request):
        notif_id, pid, _flags, nr, arch, _ip, *args = NOTIF.unpack(request)
        name = syscall_name(nr, arch)
        kind, number = self.answers.get(name, ("errno", errno.EPERM))
        if kind == "continue":
            response, answer = (notif_id, 0, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE), "continue"
        elif kind == "value":
            response, answer = (notif_id, number, 0, 0), "value:%d" % number
        else:
            response, answer = (notif_id, 0, -number, 0), "errno:%d" % number
        try:
            fcntl.ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, NOTIF_RESP.pack(*response))
        except OSError as exc:
            # ENOENT: the caller was killed, or a signal interrupted it (it retries with a new id).
            answer += " (not delivered: %s)" % errno.errorcode.get(exc.errno, exc.errno)
        self.log(event="notify", syscall=name, nr=nr, pid=pid, args=args, answer=answer,
                 id=self.notify_fds.get(fd))

    def drop(self, fd, why):
        container = self.notify_fds.pop(fd, None)
        self.poller.unregister(fd)
        os.close(fd)
        if why is None:
            self.log(event="gone", id=container)
        else:
            self.log(event="gone", id=container, message=why)

    def close(self):
        for fd in list(self.notify_fds):
            os.close(fd)
        for conn, _, fds in self.connections.values():
            conn.close()
            for fd in fds:
                os.close(fd)
        self.server.close()
        try:
            os.unlink(self.socket_path)
        except FileNotFoundError:
            pass
        self.log_file.close()


def main(argv):
    socket_path, log_path, answers = parse_args(argv)

    def stop(signum, frame):
        raise Stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    listener = Listener(socket_path, log_path, answers)
    try:
        print("ready", flush=True)
        listener.serve()
    except Stop:
        pass
    finally:
        listener.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
