#!/usr/bin/python3
"""Slowloris: N connections to host:port, each sending a request head a few bytes at a time and
never finishing it, for S seconds; a connection the server closes is opened again at once, so N
are always trickling. At the end prints how many were opened and how the server ended them
(docs/security.md §2). Used by bench/serve_load.sh alongside the load test.

Usage: bench/slow_clients.py HOST PORT N SECONDS [INTERVAL]
"""
import selectors
import socket
import sys
import time


def main():
    host, port, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    sel = selectors.DefaultSelector()
    opened = answered_408 = closed_other = 0
    conns = {}

    def open_one():
        nonlocal opened
        s = socket.create_connection((host, port))
        s.setblocking(False)
        s.send(b"GET /api/states HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        conns[s] = b""
        sel.register(s, selectors.EVENT_READ)
        opened += 1

    for _ in range(n):
        open_one()
    end = time.monotonic() + seconds
    next_byte = time.monotonic()
    while time.monotonic() < end:
        for key, _ in sel.select(timeout=0.1):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if data:
                conns[s] += data
                continue
            answered_408 += conns[s].startswith(b"HTTP/1.1 408")
            closed_other += not conns[s].startswith(b"HTTP/1.1 408")
            sel.unregister(s)
            s.close()
            del conns[s]
            open_one()
        if time.monotonic() >= next_byte:
            next_byte += interval
            for s in list(conns):
                try:
                    s.send(b"X")  # one more byte of a header name that never ends
                except OSError:
                    pass
    print(f"slow clients: {n} at a time, {opened} opened in {seconds:.0f} s; the server ended "
          f"{answered_408} with 408 (head deadline) and {closed_other} otherwise")


if __name__ == "__main__":
    main()
