#!/usr/bin/env python3
"""Load driver of bench/cluster-creates.sh: N concurrent cluster creates, then N concurrent deletes,
against one running Magnetar on 127.0.0.1, with the server's CPU (and its database's, when that is
another process) read from /proc around each phase. Prints one JSON object per phase on stdout.

Per phase:
  - the requests go out over CONNECTIONS keep-alive connections, one thread each, as fast as they are
    answered (closed loop); "accept" is the time from the first request sent to the last answer;
  - a watcher lists the clusters (GET /v1/clusters, paged by 1,000) every POLL seconds and notes when
    each cluster is first seen settled (create: CREATE_COMPLETE; delete: gone from the list); the lag
    of one cluster is that moment minus the moment its own request was answered (202 or 204), so it
    includes up to one poll interval and the list's own answer time;
  - a probe reads one cluster template (GET /v1/clustertemplates/{uuid}) every 0.1 s: its latency is
    what any other API client would see meanwhile;
  - CPU seconds of the server process by kind of thread, of the database's processes (given by pid),
    and of everything else on the machine, from the first request until all settled.

Standard library only. Traffic goes to 127.0.0.1 only.
"""
import argparse
import http.client
import json
import os
import queue
import sys
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def process_cpu(pid):
    """utime + stime of a process (all its threads, live and ended) in seconds; 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def thread_kind(name):
    if name.startswith("magnetar-worke"):
        return "conductor workers"
    if name.startswith("magnetar-perio"):
        return "reconcile + heartbeat"
    if name.startswith("JettyServerThr") or name.startswith("qtp") or name.startswith("Jetty"):
        return "API (Jetty)"
    if name.startswith("C1 CompilerThre") or name.startswith("C2 CompilerThre"):
        return "JIT"
    if name.startswith("GC Thread") or name.startswith("G1 ") or name.startswith("VM Thread"):
        return "GC + VM"
    if name.startswith("ForkJoinPool") or name.startswith("magnetar-monit") or name.startswith("HttpClient"):
        return "monitor + virtual threads"
    return "other"


def threads_cpu(pid):
    """CPU seconds per kind of thread of the live threads (ended threads are counted in 'ended')."""
    kinds = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return kinds
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        kind = thread_kind(name)
        kinds[kind] = kinds.get(kind, 0.0) + (int(fields[11]) + int(fields[12])) / TICK
    return kinds


def machine_busy():
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    return (sum(fields[0:3]) + sum(fields[5:8])) / TICK


def load1():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except FileNotFoundError:
        pass
    return None


class Api:
    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")


def list_clusters(api):
    """{uuid: status} of every cluster, paged by 1,000."""
    found, marker = {}, None
    while True:
        path = "/v1/clusters?limit=1000" + (f"&marker={marker}" if marker else "")
        status, body = api.call("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
        page = json.loads(body)["clusters"]
        for cluster in page:
            found[cluster["uuid"]] = cluster["status"]
        if len(page) < 1000:
            return found
        marker = page[-1]["uuid"]


def run_phase(args, kind, jobs, settled_status):
    """Sends one request per job over args.connections connections and watches them settle."""
    work = queue.Queue()
    for job in jobs:
        work.put(job)
    accepted = {}          # uuid -> monotonic time its request was answered
    request_ms = []
    refused = []
    lock = threading.Lock()
    done_sending = threading.Event()

    def sender():
        api = Api(args.port)
        while True:
            try:
                job = work.get_nowait()
            except queue.Empty:
                return
            started = time.monotonic()
            if kind == "create":
                status, body = api.call("POST", "/v1/clusters", job)
                ok = status == 202
                uuid = json.loads(body)["uuid"] if ok else None
            else:
                status, body = api.call("DELETE", f"/v1/clusters/{job}")
                ok = status == 204
                uuid = job
            answered = time.monotonic()
            with lock:
                request_ms.append((answered - started) * 1000)
                if ok:
                    accepted[uuid] = answered
                else:
                    refused.append(f"{status} {body[:200]!r}")

    seen = {}              # uuid -> monotonic time first seen settled
    failed = {}
    list_ms = []
    probe_ms = []
    stop_probe = threading.Event()

    def probe():
        api = Api(args.port)
        while not stop_probe.is_set():
            started = time.monotonic()
            status, _ = api.call("GET", f"/v1/clustertemplates/{args.template}")
            if status == 200:
                probe_ms.append((time.monotonic() - started) * 1000)
            stop_probe.wait(0.1)

    cpu_before = process_cpu(args.pid)
    threads_before = threads_cpu(args.pid)
    db_before = sum(process_cpu(p) for p in args.db_pid)
    machine_before = machine_busy()
    load_before = load1()
    t0 = time.monotonic()
    probe_thread = threading.Thread(target=probe, daemon=True)
    probe_thread.start()
    senders = [threading.Thread(target=sender, daemon=True) for _ in range(args.connections)]
    for thread in senders:
        thread.start()

    watcher = Api(args.port)
    deadline = t0 + args.timeout
    all_sent_at = None
    while True:
        if all_sent_at is None and not any(t.is_alive() for t in senders):
            all_sent_at = time.monotonic()
            done_sending.set()
        started = time.monotonic()
        listed = list_clusters(watcher)
        now = time.monotonic()
        list_ms.append((now - started) * 1000)
        with lock:
            pending = [u for u in accepted if u not in seen and u not in failed]
        for uuid in pending:
            status = listed.get(uuid)
            if kind == "create":
                if status == settled_status:
                    seen[uuid] = now
                elif status is not None and status.endswith("FAILED"):
                    failed[uuid] = status
            else:
                if status is None:
                    seen[uuid] = now
                elif status.endswith("FAILED"):
                    failed[uuid] = status
        if all_sent_at is not None and len(seen) + len(failed) == len(accepted):
            break
        if now > deadline:
            break
        time.sleep(args.poll)
    t_end = time.monotonic()
    stop_probe.set()
    probe_thread.join()
    cpu = process_cpu(args.pid) - cpu_before
    threads_after = threads_cpu(args.pid)
    db_cpu = sum(process_cpu(p) for p in args.db_pid) - db_before
    machine = machine_busy() - machine_before
    kinds = {k: round(threads_after.get(k, 0.0) - threads_before.get(k, 0.0), 2)
             for k in sorted(set(threads_after) | set(threads_before))}
    live = sum(threads_after.values()) - sum(threads_before.values())
    kinds["ended threads"] = round(max(0.0, cpu - live), 2)
    lags = [seen[u] - accepted[u] for u in seen]
    last_accept = max(accepted.values()) if accepted else t0
    return {
        "phase": kind,
        "requested": len(jobs),
        "accepted": len(accepted),
        "refused": len(refused),
        "refused_sample": refused[:3],
        "settled": len(seen),
        "failed": len(failed),
        "failed_sample": list(failed.items())[:3],
        "unsettled": len(accepted) - len(seen) - len(failed),
        "accept_s": round(last_accept - t0, 2),
        "accept_rate": round(len(accepted) / max(last_accept - t0, 1e-9), 1),
        "request_p50_ms": round(percentile(request_ms, 50) or 0, 1),
        "request_p99_ms": round(percentile(request_ms, 99) or 0, 1),
        "settle_s": round((max(seen.values()) if seen else t_end) - t0, 2),
        "lag_p50_s": round(percentile(lags, 50) or 0, 2),
        "lag_p99_s": round(percentile(lags, 99) or 0, 2),
        "lag_max_s": round(max(lags) if lags else 0, 2),
        "list_polls": len(list_ms),
        "list_p50_ms": round(percentile(list_ms, 50) or 0, 1),
        "list_p99_ms": round(percentile(list_ms, 99) or 0, 1),
        "probe_p50_ms": round(percentile(probe_ms, 50) or 0, 2),
        "probe_p99_ms": round(percentile(probe_ms, 99) or 0, 2),
        "probe_max_ms": round(max(probe_ms) if probe_ms else 0, 2),
        "server_cpu_s": round(cpu, 2),
        "server_cpu_by_thread": kinds,
        "db_cpu_s": round(db_cpu, 2),
        "other_cpu_s": round(max(0.0, machine - cpu - db_cpu), 2),
        "wall_s": round(t_end - t0, 2),
        "load_before": load_before,
        "load_after": load1(),
        "server_rss_mib": rss_mib(args.pid),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's pid")
    parser.add_argument("--db-pid", type=int, action="append", default=[],
                        help="a database process whose CPU counts as the database's (repeatable)")
    parser.add_argument("--template", required=True, help="uuid of the cluster template to create from")
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between two cluster lists")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a phase may take at most")
    parser.add_argument("--pause", type=float, default=5, help="seconds between the two phases")
    parser.add_argument("--prefix", default="bench")
    args = parser.parse_args()

    creates = [{"name": f"{args.prefix}-{i}", "cluster_template_id": args.template,
                "master_count": 1, "node_count": 1} for i in range(args.clusters)]
    result = run_phase(args, "create", creates, "CREATE_COMPLETE")
    print(json.dumps(result), flush=True)
    created = [u for u, s in list_clusters(Api(args.port)).items() if s == "CREATE_COMPLETE"]
    time.sleep(args.pause)
    result = run_phase(args, "delete", created, None)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
