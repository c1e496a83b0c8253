#!/usr/bin/env python3
"""Generate a synthetic CRM export and a minimal content folder for `tandem pipeline` benchmarks.

usage: gen_crm.py OUTDIR ROWS [--shape tandem|hubspot]

Writes OUTDIR/content/site.yml, OUTDIR/content/playbook.md (a `pipeline`, a `goal` for 2026-Q1
and an `sla` block for stage sql) and OUTDIR/content/crm/sources.yml with one source:
  --shape tandem   crm/leads.csv in the normalized format, header
                   lead_id,created_at,mql_at,sql_at,first_touch_at,status,closed_at,amount,currency,owner,team,source
                   timestamps naive local "YYYY-MM-DD HH:MM:SS", LF, unquoted (about 105 bytes a row)
  --shape hubspot  crm/hubspot-crm-exports-all-contacts-2026-03-31.csv, a HubSpot "all properties"
                   contacts export: 24 columns, every field quoted, CRLF, datetimes "YYYY-MM-DD HH:MM"
                   (about 290 bytes a row)
ROWS leads, numbered in order of creation, are created over 2025-10-01..2026-03-31 (Europe/Copenhagen
wall clock, never in the hour the clocks skip on 2026-03-29), and nothing happens after as_of
2026-03-31 17:00. About 60% become MQLs and 30% of those SQLs; 90% of SQLs have a first touch
minutes to days later; an SQL is won (20%, with an amount in DKK, about 25,000 on average) or lost
(30%) when its close falls before as_of (so about 17% and 25% are), else open. The HubSpot shape
has the same leads (its other columns come from a second seeded random). The goal scales with ROWS:
sql_target ROWS/10, min_closed a fifth of that, revenue_target min_closed x 25,000 DKK.
Deterministic: the same arguments give the same bytes.
"""
import argparse, datetime, os, random

BASE = datetime.datetime(2025, 10, 1)
AS_OF = datetime.datetime(2026, 3, 31, 17, 0)
END = int((AS_OF - BASE).total_seconds())
DAYS = (AS_OF.date() - BASE.date()).days + 1                      # 182 days of creation
GAP = int((datetime.datetime(2026, 3, 29, 2) - BASE).total_seconds())  # 02:00-03:00 does not exist
DAY_STR = [(BASE.date() + datetime.timedelta(days=d)).isoformat() for d in range(DAYS + 1)]
HM = [f"{h:02d}:{m:02d}" for h in range(24) for m in range(60)]
SS = [f":{s:02d}" for s in range(60)]

FIRST = ("Anna Mette Lars Søren Jens Camilla Peter Louise Henrik Maria Thomas Sofie Mikkel Julie "
         "Rasmus Katrine Anders Line Frederik Ida Martin Emma Christian Laura Nikolaj Signe Jonas "
         "Cecilie Kasper Astrid Morten Freja Jakob Nanna Simon Maja Mads Karen Oliver Helle").split()
LAST = ("Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen "
        "Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen "
        "Knudsen Jakobsen Mikkelsen Frederiksen Lund Holm Schmidt Eriksen Kristiansen Simonsen").split()
OWNERS = [f"{FIRST[i]} {LAST[(i * 7) % len(LAST)]}" for i in range(40)]
TEAMS = ["Nordic Enterprise", "Mid-Market Sales", "SMB Inside Sales"]
SOURCES = ["Organic search", "Paid search", "Paid social", "Email campaign",
           "Webinar", "Trade show", "Partner referral", "Direct traffic"]
HS_SOURCES = [("Organic Search", "www.google.com"), ("Paid Search", "Google Ads search"),
              ("Paid Social", "linkedin.com"), ("Email Marketing", "Monthly newsletter"),
              ("Other Campaigns", "Webinar: One pipeline"), ("Offline Sources", "IMPORT"),
              ("Referrals", "partner-portal.example"), ("Direct Traffic", "Direct traffic")]
DOMAINS = ["nordisk-maskinfabrik.example", "aarhus-logistik.example", "vestjysk-energi.example",
           "copenhagen-software.example", "fyns-foedevarer.example", "gmail.com"]

def stamp(t):
    """Seconds after BASE as "YYYY-MM-DD HH:MM:SS"."""
    d, r = divmod(t, 86400)
    return DAY_STR[d] + " " + HM[r // 60] + SS[r % 60]

def skip_gap(t):
    return t + 3600 if GAP <= t < GAP + 3600 else t

def leads(rows, rnd):
    """One tuple per lead, in order of creation: (created, mql, sql, touch, status, closed, amount,
    owner, team, source); times in seconds after BASE or None; owner, team and source as indexes into OWNERS, TEAMS
    and SOURCES."""
    r = rnd.random
    weights = [0.35 if (d + 2) % 7 in (5, 6) else 1.0 for d in range(DAYS)]  # 2025-10-01 is a Wednesday
    total = sum(weights)
    per_day = [int(rows * w / total) for w in weights]
    for d in range(rows - sum(per_day)):
        per_day[d * 7 % DAYS] += 1
    for day, n in enumerate(per_day):
        last = min(86400, END - day * 86400)
        stamps = []
        for _ in range(n):
            sec = (8 + r() * 10) * 3600 if r() < 0.75 else r() * 86400  # mostly office hours
            stamps.append(day * 86400 + int(sec) % last)
        stamps.sort()
        for created in stamps:
            yield lead(skip_gap(created), r)

def lead(created, r):
    """One lead created at `created`, with the stages it reached by AS_OF."""
    mql = sql = touch = closed = amount = None
    status = "open"
    if r() < 0.6:
        mql = skip_gap(created + int(60 + r() * r() * 14 * 86400))  # a minute to two weeks
        if mql > END:
            mql = None
        elif r() < 0.3:
            sql = skip_gap(mql + int(300 + r() * r() * 10 * 86400))    # 5 minutes to ten days
            if sql > END:
                sql = None
    if sql is not None:
        k = r()
        if k < 0.9:
            if k < 0.55:
                gap = 120 + r() * 3 * 3600           # 2 minutes to 3 hours
            elif k < 0.8:
                gap = 3 * 3600 + r() * 21 * 3600     # 3 hours to a day
            else:
                gap = 86400 + r() * 4 * 86400        # 1 to 5 days
            touch = skip_gap(sql + int(gap))
            if touch > END:
                touch = None
        k = r()
        if k < 0.5:
            c = skip_gap(sql + int(2 * 86400 + r() * 58 * 86400))  # 2 to 60 days
            if c <= END:
                closed = c
                if k < 0.2:
                    status = "won"
                    amount = 5000 + 500 * int(r() * r() * 160)  # 5,000 to 84,500, mean about 25,000
                else:
                    status = "lost"
    return (created, mql, sql, touch, status, closed, amount,
           int(r() * 40), int(r() * 3), int(r() * 8))

def write_tandem(path, rows, rnd):
    with open(path, "w", newline="\n", encoding="utf-8") as f:
        f.write("lead_id,created_at,mql_at,sql_at,first_touch_at,status,closed_at,amount,currency,owner,team,source\n")
        buf = []
        for i, (cr, mq, sq, to, st, cl, am, ow, te, so) in enumerate(leads(rows, rnd), 1):
            buf.append(",".join((
                f"L{i:07d}", stamp(cr),
                stamp(mq) if mq is not None else "", stamp(sq) if sq is not None else "",
                stamp(to) if to is not None else "", st, stamp(cl) if cl is not None else "",
                f"{am}.00" if am is not None else "", "DKK" if am is not None else "",
                OWNERS[ow], TEAMS[te], SOURCES[so])))
            if len(buf) == 10000:
                f.write("\n".join(buf) + "\n"); buf = []
        if buf:
            f.write("\n".join(buf) + "\n")

HS_HEADER = ["Record ID", "First Name", "Last Name", "Email", "Create Date", "Contact owner",
             "Lifecycle Stage", "Lead Status", "Became a Lead Date", "Became a Marketing Qualified Lead Date",
             "Became a Sales Qualified Lead Date", "Became an Opportunity Date", "Became a Customer Date",
             "Owner Assigned Date", "First outreach date", "Last Contacted", "Number of times contacted",
             "Number of Sales Activities", "Original Source", "Original Source Drill-Down 1", "Latest Source",
             "First Conversion Date", "Associated Deal IDs", "Associated Company IDs"]

def write_hubspot(path, rows, rnd):
    r = random.Random(43).random  # for the columns leads.csv has not: the same leads as --shape tandem
    hm = lambda t: stamp(t)[:16] if t is not None else ""
    deal = 9000000000
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(",".join(f'"{h}"' for h in HS_HEADER) + "\r\n")
        buf = []
        record = 100400
        for (cr, mq, sq, to, st, cl, am, ow, te, so) in leads(rows, rnd):
            record += 1 + int(r() * 3)
            first, last = FIRST[int(r() * len(FIRST))], LAST[int(r() * len(LAST))]
            email = f"{first.lower().replace('ø', 'o')}.{last.lower().replace('ø', 'o')}{int(r() * 1000)}@{DOMAINS[int(r() * len(DOMAINS))]}"
            opp = None
            if sq is not None and (cl is not None or r() < 0.3):
                opp = sq + int(r() * ((cl if cl is not None else END) - sq))
            if st == "won":
                stage, status = "Customer", "Connected"
            elif opp is not None:
                stage, status = "Opportunity", "Unqualified" if st == "lost" else "Open Deal"
            elif sq is not None:
                stage, status = "Sales Qualified Lead", "Attempted to Contact" if to is not None else "New"
            elif mq is not None:
                stage, status = "Marketing Qualified Lead", "Open" if r() < 0.7 else "In Progress"
            else:
                stage, status = "Lead", "New" if r() < 0.5 else ""
            assigned = sq if sq is not None else (cr + int(r() * 3600) if r() < 0.5 else None)
            if assigned is not None and assigned > END:
                assigned = END
            times = 0 if to is None else 1 + int(r() * 8)
            last_contact = None if to is None else min(END, to + int(r() * times * 2 * 86400))
            deals = ""
            if opp is not None:
                deal += 1 + int(r() * 40)
                deals = str(deal)
                if r() < 0.1:
                    deal += 1 + int(r() * 40)
                    deals += f";{deal}"
            company = str(5100000000 + int(r() * 400000)) if r() < 0.8 else ""
            src, drill = HS_SOURCES[so]
            latest = HS_SOURCES[so if r() < 0.7 else int(r() * 8)][0]
            fields = (str(record), first, last, email, hm(cr), OWNERS[ow] if assigned is not None else "",
                      stage, status, hm(cr), hm(mq), hm(sq), hm(opp), hm(cl) if st == "won" else "",
                      hm(assigned), hm(to), hm(last_contact), str(times), str(times + int(r() * 3)),
                      src, drill, latest, hm(cr + int(r() * 120)), deals, company)
            buf.append('"' + '","'.join(fields) + '"')
            if len(buf) == 10000:
                f.write("\r\n".join(buf) + "\r\n"); buf = []
        if buf:
            f.write("\r\n".join(buf) + "\r\n")

PLAYBOOK = """---
title: "Pipeline benchmark playbook"
---

Generated by bench/gen_crm.py for `tandem pipeline` benchmarks.

## The pipeline

```pipeline
- id: inquiry
  name: Inquiry
  owner: Marketing
- id: mql
  name: MQL
  owner: Marketing
- id: sal
  name: SAL
  owner: Sales development
- id: sql
  name: SQL
  owner: Sales
- id: opportunity
  name: Opportunity
  owner: Sales
- id: customer
  name: Customer
  owner: Account management
```

## The goal

```goal
period: 2026-Q1
sql_target: {sql_target}
min_closed: {min_closed}
revenue_target: {revenue_target}
currency: DKK
owners: [Marketing lead, Sales director]
```

## The SLA

```sla
- stage: sql
  trigger: "An SQL is assigned to an account manager"
  owner: Sales
  first_response: 4h
  business_hours: {{days: Mon-Fri, from: "08:00", to: "17:00", time_zone: Europe/Copenhagen, holidays: [DK]}}
  escalation: {{after: 8h, notify: Sales manager}}
```
"""

def main():
    parser = argparse.ArgumentParser(description="Generate a synthetic CRM export for `tandem pipeline`.")
    parser.add_argument("outdir")
    parser.add_argument("rows", type=int)
    parser.add_argument("--shape", choices=["tandem", "hubspot"], default="tandem")
    args = parser.parse_args()
    content = os.path.join(args.outdir, "content")
    os.makedirs(os.path.join(content, "crm"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write('title: "Pipeline benchmark"\nlanguage: en\n')
    # About 9% of the leads are SQLs in 2026-Q1 (half the period): aim a little above that.
    sql_target = min(1000000, max(1, round(args.rows * 0.1)))
    min_closed = max(1, round(sql_target * 0.2))
    with open(os.path.join(content, "playbook.md"), "w") as f:
        f.write(PLAYBOOK.format(sql_target=sql_target, min_closed=min_closed, revenue_target=min_closed * 25000))
    if args.shape == "tandem":
        name, preset = "leads.csv", "tandem"
    else:
        name, preset = "hubspot-crm-exports-all-contacts-2026-03-31.csv", "hubspot-contacts"
    with open(os.path.join(content, "crm", "sources.yml"), "w") as f:
        f.write("time_zone: Europe/Copenhagen\nas_of: 2026-03-31T17:00\nsources:\n"
                f"  - {{file: {name}, preset: {preset}}}\n")
    rnd = random.Random(42)
    (write_tandem if args.shape == "tandem" else write_hubspot)(os.path.join(content, "crm", name), args.rows, rnd)

if __name__ == "__main__":
    main()
