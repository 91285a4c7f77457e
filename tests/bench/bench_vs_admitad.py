"""adkit's Python package beside the client a Python user would pick instead — Admitad's own `admitad`
package (PyPI 1.1.1) — on three calls (`/me/`, one programs page, a 500-row statistics page), one at a time
and 32 in flight (asyncio for adkit, 32 threads for the official client, which blocks), against a sandbox in
another process. Each measurement runs in a child process of its own (CPU time and peak RSS are that side's
alone), the two sides interleaved for seven rounds; medians. Run it with `tests/bench-python.sh`.
"""
import asyncio
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

BASE = None
ROUNDS = 7
CALLS = [("me", 400), ("programs", 200), ("statistics500", 30)]


def adkit_client():
    import adkit as ak

    return ak, ak.AdmitadClient(
        "adm_py_vs", "secret_adm_py_vs",
        [ak.Scope.PRIVATE_DATA(), ak.Scope.ADVCAMPAIGNS(), ak.Scope.STATISTICS()],
        options=ak.AdmitadClientOptions(base_url=f"{BASE}/admitad/"),
    )


def child(side, call, in_flight, n):
    ak, c = adkit_client()

    async def token():
        await c.me()
        return c.tokens().access_token()

    access = asyncio.run(token())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    if side == "adkit":
        one = {
            "me": lambda: c.me(),
            "programs": lambda: c.programs(),
            "statistics500": lambda: c.statistics(ak.ListStatistics(report=ak.StatisticsReport.WEBSITES(), limit=500)),
        }[call]

        async def run():
            left = [n]

            async def worker():
                while left[0] > 0:
                    left[0] -= 1
                    await one()

            await asyncio.gather(*(worker() for _ in range(in_flight)))

        asyncio.run(run())
    else:
        import requests
        from admitad import api

        real = requests.request

        def to_sandbox(method, url, **kwargs):
            return real(method, url.replace("https://api.admitad.com/", f"{BASE}/admitad/"), **kwargs)

        requests.request = to_sandbox
        official = api.get_oauth_client_token(access)
        one = {
            "me": lambda: official.Me.get(),
            "programs": lambda: official.Campaigns.get(),
            "statistics500": lambda: official.StatisticWebsites.get(limit=500),
        }[call]
        with ThreadPoolExecutor(in_flight) as pool:
            list(pool.map(lambda _: one(), range(n)))
    secs = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(secs, (usage.ru_utime + usage.ru_stime - cpu0) * 1000, usage.ru_maxrss)


def main():
    global BASE
    import os

    BASE = os.environ["ADKIT_SANDBOX_URL"]
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return

    def run(side, call, in_flight, n):
        out = subprocess.run([sys.executable, __file__, "--child", side, call, str(in_flight), str(n)],
                             capture_output=True, text=True, check=True)
        return [float(x) for x in out.stdout.split()]

    def median(v):
        return sorted(v)[len(v) // 2]

    print("call           in flight | adkit calls/s  official calls/s  ratio | adkit CPU/call  official CPU/call  ratio | adkit RSS  official RSS (MiB)")
    for call, n in CALLS:
        for in_flight in (1, 32):
            a, b = [], []
            for _ in range(ROUNDS):
                a.append(run("adkit", call, in_flight, n))
                b.append(run("official", call, in_flight, n))
            ra, rb = median([n / x[0] for x in a]), median([n / x[0] for x in b])
            ca, cb = median([x[1] * 1000 / n for x in a]), median([x[1] * 1000 / n for x in b])
            ma, mb = median([x[2] / 1024 for x in a]), median([x[2] / 1024 for x in b])
            print(f"{call:<14} {in_flight:>9} | {ra:>13.0f} {rb:>17.0f} {ra / rb:>6.2f} | {ca:>11.0f} µs {cb:>14.0f} µs {ca / cb:>6.2f} | {ma:>9.1f} {mb:>12.1f}")


if __name__ == "__main__":
    main()
