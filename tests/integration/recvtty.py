#!/usr/bin/env python3
"""Console-socket receiver for `--console-socket` tests.

    recvtty.py SOCKET OUTPUT [TIMEOUT_SECONDS]

Listens on the unix socket SOCKET, accepts one connection from the runtime,
receives the pty master it sends with SCM_RIGHTS, then copies everything the
container writes to its terminal into OUTPUT (carriage returns dropped) until
the terminal closes. Exits 0 when the terminal closed, 1 on timeout or error.
"""

import errno
import os
import select
import socket
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, output = sys.argv[1], sys.argv[2]
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    deadline = time.monotonic() + timeout

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    server.settimeout(timeout)
    conn, _ = server.accept()
    conn.settimeout(max(0.1, deadline - time.monotonic()))
    # The runtime sends the pty's name as the payload and the master as an fd.
    _, fds, _, _ = socket.recv_fds(conn, 4096, 1)
    conn.close()
    server.close()
    if not fds:
        print("recvtty: no file descriptor received", file=sys.stderr)
        return 1
    master = fds[0]

    with open(output, "wb") as out:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                print("recvtty: timed out", file=sys.stderr)
                return 1
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(master, 4096)
            except OSError as err:
                if err.errno == errno.EIO:  # every slave end is closed
                    return 0
                raise
            if not data:
                return 0
            out.write(data.replace(b"\r", b""))
            out.flush()


if __name__ == "__main__":
    sys.exit(main())
