#!/usr/bin/env python3
"""Writes the example site's CRM exports: a HubSpot contacts export and a HubSpot deals export of
one client, Nordlys A/S, a Danish B2B company, with the leads created from 1 October 2025 to the
export on 31 March 2026 at 17:00, and the sources.yml that says what they are.

usage: Scripts/make-example-crm.py [CONTENT_DIR]   (default: content)

Writes CONTENT_DIR/crm/hubspot-crm-exports-all-contacts-2026-03-31.csv,
CONTENT_DIR/crm/hubspot-crm-exports-all-deals-2026-03-31.csv and CONTENT_DIR/crm/sources.yml,
replacing them. The files are shaped like HubSpot's "all properties" exports: every field quoted,
CRLF line ends, datetimes "YYYY-MM-DD HH:MM" in Europe/Copenhagen wall-clock time without an
offset, never in the hour the clocks go back (which would be ambiguous) or the hour they skip.
Every person, company and e-mail address is made up, on .example domains. The rows are drawn from
a fixed seed, so the files are the same on every run.

The story they tell, quarter by quarter (the playbook's goal and SLA blocks hold them to account):

- 2025-Q4, before the agreements. Marketing's target was 100 SQLs and it delivers fewer; sales
  closes fewer than the 20 deals it needed. Account managers answer new SQLs when they get to them:
  about half within four business hours. In November one of the account managers (Kasper Holm)
  leaves, his SQLs pile up until the others take them over and a replacement starts on 1 December,
  so most of the quarter's escalations (no answer within eight business hours) fall in that month.
- Mid-December 2025, the workshop: sales and marketing agree on the shared goal, the SLA (first
  response within 4 business hours, Mon-Fri 08:00-17:00, escalation after 8) and the SQL
  definition. From 17 December account managers answer most SQLs within the hour or two.
- 2026-Q1, after. Marketing reaches its 120 SQLs; SLA compliance is above 80%; about 24 of the
  quarter's SQLs are won by the end of March. A few SQLs of the last afternoon are still pending at
  the export, and a handful of SQLs over both quarters were never answered.

SQLs come from demo requests (any time of day, so some arrive in the evening or at the weekend and
their clock starts the next business morning) and from marketing's qualification during office
hours. Response time is HubSpot's "First outreach date" after "Became a Sales Qualified Lead
Date". Sources differ in quality: referrals convert best, paid social brings many leads and few
SQLs, the trade fair's leads arrive in one import. SQLs that reach a discovery meeting get a deal
(about 20,000 DKK, from 8,000 to 60,000); a deal's Close Date is filled in only when it is closed
won or lost. Contacts' "Associated Deal IDs" and deals' "Associated Contact IDs" agree. Two
trade-fair leads were rung by an account manager before they became SQLs, so the export cannot
say when they were answered as SQLs (unmeasured, docs/pipeline.md rule 4). Otherwise the exports
are clean: `tandem check` finds no problem in them.

The rates below and the seed were picked so that `tandem pipeline` shows this story; after
changing any of them, run it again and check that it still does.
"""
import datetime, math, os, random, sys

SEED = 38
START = datetime.datetime(2025, 10, 1)
AS_OF = datetime.datetime(2026, 3, 31, 17, 0)
AGREED = datetime.datetime(2025, 12, 17)          # the SLA applies from the day after the workshop
KASPER_LEFT = datetime.datetime(2025, 11, 4)      # an account manager leaves ...
REPLACEMENT = datetime.datetime(2025, 12, 1)      # ... and his successor starts
# Danish public holidays between START and AS_OF (Maundy Thursday 2026 is 2 April, after AS_OF).
HOLIDAYS = {datetime.date(2025, 12, 25), datetime.date(2025, 12, 26), datetime.date(2026, 1, 1)}
OPEN, CLOSE = 8 * 60, 17 * 60                     # the business window, minutes after midnight
# Local hours that do not exist (2026-03-29) or happen twice (2025-10-26): never written.
SKIPPED = [(datetime.datetime(2025, 10, 26, 2), datetime.datetime(2025, 10, 26, 3)),
           (datetime.datetime(2026, 3, 29, 2), datetime.datetime(2026, 3, 29, 3))]

CONTACTS = "hubspot-crm-exports-all-contacts-2026-03-31.csv"
DEALS = "hubspot-crm-exports-all-deals-2026-03-31.csv"
PIPELINE = "Sales Pipeline"
OPEN_STAGES = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
               "Decision Maker Bought-In", "Contract Sent"]

FIRST = ("Anders Anne Astrid Bente Birgitte Camilla Casper Cecilie Christian Emil Emma Frederik "
         "Freja Hanne Helle Henrik Ida Jakob Jens Jeppe Jonas Julie Karen Kasper Katrine Kirsten "
         "Lars Laura Line Louise Mads Maja Maria Martin Mathias Mette Michael Mikkel Morten Nanna "
         "Niels Nikolaj Ole Peter Pia Rasmus Rikke Signe Simon Sofie Stine Søren Thomas Tine Troels "
         "Ulla Vibeke").split()
LAST = ("Andersen Bach Berg Christensen Dahl Eriksen Frederiksen Hansen Holm Jakobsen Jensen "
        "Johansen Jørgensen Kjær Knudsen Kristensen Larsen Lund Madsen Mikkelsen Mortensen Møller "
        "Nielsen Olsen Pedersen Petersen Poulsen Rasmussen Schmidt Simonsen Sørensen Thomsen "
        "Vestergaard Villadsen Østergaard").split()
TOWNS = ("Aarhus Aalborg Odense Vejle Horsens Herning Kolding Esbjerg Silkeborg Randers Viborg "
         "Holstebro Skive Køge Roskilde Næstved Svendborg Fredericia Haderslev Hillerød Ringsted "
         "Slagelse Thisted Hjørring Sønderborg Aabenraa Nyborg Middelfart Skanderborg Grenaa").split()
TRADES = ["Logistik", "Transport", "Maskinfabrik", "Emballage", "Fødevarer", "Energi", "Byg",
          "Elektro", "VVS", "Plast", "Stål", "Inventar", "Trælast", "Data", "Revision", "Print"]
SUFFIX = ["A/S", "ApS", "A/S", "ApS", "I/S", "A/S"]

# Nordlys's account managers, and its SDR who owns MQLs until they become SQLs.
SDR = "Line Vestergaard"
AMS_BEFORE = ["Mette Kjær", "Jonas Brandt", "Sofie Lindberg", "Kasper Holm"]
AMS_NOVEMBER = ["Mette Kjær", "Jonas Brandt", "Sofie Lindberg"]
AMS_AFTER = ["Mette Kjær", "Jonas Brandt", "Sofie Lindberg", "Rasmus Dahl"]

# (Original Source, Drill-Down 1, First Touch Converting Campaign, first day, last day, weight,
#  chance of becoming an MQL, chance of an MQL becoming an SQL)
D = datetime.date
CHANNELS = [
    ("Organic Search", "google", "", D(2025, 10, 1), D(2026, 3, 31), 17, 0.52, 0.27),
    ("Organic Search", "google", "Guide: Writing the SLA", D(2025, 11, 3), D(2026, 3, 31), 6, 0.62, 0.26),
    ("Paid Search", "Google Ads", "", D(2025, 10, 1), D(2026, 3, 31), 8, 0.50, 0.24),
    ("Paid Search", "Google Ads", "Guide: Writing the SLA", D(2025, 11, 3), D(2026, 3, 31), 5, 0.56, 0.22),
    ("Paid Social", "LinkedIn", "LinkedIn: Lead scoring checklist", D(2025, 10, 6), D(2025, 12, 19), 20, 0.40, 0.09),
    ("Paid Social", "LinkedIn", "LinkedIn: Lead scoring checklist", D(2026, 2, 2), D(2026, 3, 31), 20, 0.40, 0.09),
    ("Paid Social", "Facebook", "", D(2025, 10, 1), D(2026, 3, 31), 4, 0.30, 0.06),
    ("Email Marketing", "Newsletter", "Newsletter: Autumn 2025", D(2025, 10, 1), D(2025, 12, 19), 7, 0.62, 0.22),
    ("Email Marketing", "Newsletter", "Newsletter: Spring 2026", D(2026, 1, 5), D(2026, 3, 31), 7, 0.62, 0.24),
    ("Other Campaigns", "Webinar", "Webinar: One pipeline", D(2025, 10, 1), D(2025, 10, 23), 24, 0.68, 0.24),
    ("Other Campaigns", "Webinar", "Webinar: The monthly pipeline review", D(2026, 1, 12), D(2026, 2, 12), 22, 0.68, 0.26),
    ("Referrals", "partner-portal.example", "", D(2025, 10, 1), D(2026, 3, 31), 6, 0.85, 0.52),
    ("Direct Traffic", "", "", D(2025, 10, 1), D(2026, 3, 31), 9, 0.50, 0.30),
    ("Offline Sources", "CRM_UI", "", D(2025, 10, 1), D(2026, 3, 31), 3, 0.70, 0.40),
]
# The trade fair's badge scans, imported in one go the morning after the fair.
FAIR = ("Offline Sources", "IMPORT", "Trade fair: Logistik 2026", 0.62, 0.22)
FAIR_IMPORT = datetime.datetime(2026, 2, 27, 9, 12)
FAIR_LEADS = 86
# Leads a day on a weekday: fewer in Q4, more once the campaigns of Q1 run.
PER_DAY = {"2025-Q4": 11.0, "2026-Q1": 8.5}
# How first responses go, by when the lead became an SQL: (met, late up to 8 h, later, never).
RESPONSE = {
    "before": (0.62, 0.26, 0.09, 0.03),
    "november": (0.22, 0.14, 0.52, 0.12),
    "after": (0.86, 0.11, 0.025, 0.005),
}


def quarter(t):
    return f"{t.year}-Q{(t.month - 1) // 3 + 1}"


def regime(t):
    if t >= AGREED:
        return "after"
    if KASPER_LEFT <= t < REPLACEMENT:
        return "november"
    return "before"


def business_day(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def minute(t):
    return t.hour * 60 + t.minute


def at(d, minutes):
    return datetime.datetime(d.year, d.month, d.day) + datetime.timedelta(minutes=minutes)


def deadline(start, minutes):
    """The moment `minutes` business minutes after `start` (docs/pipeline.md, rule 1)."""
    t = start
    while True:
        d = t.date()
        if business_day(d):
            window_end = at(d, CLOSE)
            if t < at(d, OPEN):
                t = at(d, OPEN)
            if t < window_end:
                left = (window_end - t).total_seconds() / 60
                if minutes <= left:
                    return t + datetime.timedelta(minutes=minutes)
                minutes -= left
        t = at(d + datetime.timedelta(days=1), 0)


def in_window(t):
    return business_day(t.date()) and OPEN <= minute(t) < CLOSE


def office_time(t, r, latest=16 * 60 + 45):
    """`t` if it is in office hours, else a time in the next business day's morning."""
    if in_window(t) and minute(t) <= latest:
        return t
    d = t.date() if (business_day(t.date()) and minute(t) < OPEN) else t.date() + datetime.timedelta(days=1)
    while not business_day(d):
        d += datetime.timedelta(days=1)
    return at(d, OPEN + 5 + int(r.random() * 150))


def clean(t):
    """Moves a time out of the hour that does not exist or happens twice."""
    for a, b in SKIPPED:
        if a <= t < b:
            return t + datetime.timedelta(hours=1)
    return t


def lognormal(r, median, sigma):
    return median * math.exp(sigma * r.gauss(0, 1))


def hm(t):
    return t.strftime("%Y-%m-%d %H:%M") if t is not None else ""


def ascii_name(text):
    return (text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("/", "")
            .replace(" ", "-"))


class Lead:
    pass


def companies(r):
    out, seen = [], set()
    while len(out) < 240:
        name = f"{r.choice(TOWNS)} {r.choice(TRADES)}"
        if name in seen:
            continue
        seen.add(name)
        out.append((f"{name} {r.choice(SUFFIX)}", ascii_name(name) + ".example", str(5100000000 + len(out) * 1571 + int(r.random() * 1500))))
    return out


def daily_channels(day):
    return [c for c in CHANNELS if c[3] <= day <= c[4]]


def creation_times(r):
    """(created, channel) for every lead, in order of creation."""
    out = []
    day = START.date()
    while day <= AS_OF.date():
        rate = PER_DAY[quarter(at(day, 0))]
        if day.weekday() >= 5:
            rate *= 0.3
        if datetime.date(2025, 12, 20) <= day <= datetime.date(2026, 1, 2) or day in HOLIDAYS:
            rate *= 0.35
        channels = daily_channels(day)
        n = int(rate + r.random() * rate * 0.6 - rate * 0.3 + 0.5)
        for _ in range(max(0, n)):
            if r.random() < 0.72:
                minutes = 7 * 60 + int(r.random() * 11 * 60)     # mostly the working day
            else:
                minutes = int(r.random() * 24 * 60)
            t = clean(at(day, minutes))
            if t > AS_OF - datetime.timedelta(minutes=20):
                continue
            total = sum(c[5] for c in channels)
            pick, k = r.random() * total, 0
            while pick >= channels[k][5]:
                pick -= channels[k][5]
                k += 1
            ch = channels[k]
            out.append((t, (ch[0], ch[1], ch[2], ch[6], ch[7])))
        if day == FAIR_IMPORT.date():
            for i in range(FAIR_LEADS):
                out.append((FAIR_IMPORT + datetime.timedelta(minutes=i // 30), FAIR))
        day += datetime.timedelta(days=1)
    out.sort(key=lambda x: x[0])
    return out


def make_leads(r):
    leads = []
    for created, (source, drill, campaign, p_mql, p_sql) in creation_times(r):
        lead = Lead()
        lead.created, lead.source, lead.drill, lead.campaign = created, source, drill, campaign
        lead.imported = drill == "IMPORT"
        lead.mql = lead.sql = lead.touch = lead.opp = None
        lead.outcome = None      # met, late, later, never: how the SQL was answered
        lead.deals = []
        if r.random() < p_mql:
            if r.random() < 0.35 and not lead.imported:
                mql = created + datetime.timedelta(minutes=1 + int(r.random() * 30))   # scored at once
            else:
                mql = created + datetime.timedelta(days=min(45, lognormal(r, 4, 0.9)))
                mql = office_time(mql, r) if r.random() < 0.6 else mql
            mql = clean(mql)
            if mql <= AS_OF:
                lead.mql = mql
        if lead.mql is not None:
            factor = 1.27 if lead.mql >= AGREED else 0.85
            if r.random() < p_sql * factor:
                sql = lead.mql + datetime.timedelta(days=min(40, lognormal(r, 4, 1.0)))
                if r.random() < 0.7:
                    sql = office_time(sql, r)                 # marketing qualifies it at work
                elif in_window(sql):                           # a demo request in the evening
                    sql = at(sql.date(), 17 * 60 + 20 + int(r.random() * 300))
                sql = clean(sql)
                if sql <= AS_OF:
                    lead.sql = sql
        leads.append(lead)
    return leads


def respond(lead, r):
    """The first outreach after the lead became an SQL, as RESPONSE says for its time."""
    met, late, later, never = RESPONSE[regime(lead.sql)]
    k = r.random()
    due = deadline(lead.sql, 240)
    if k < met:
        while True:
            minutes = lognormal(r, 80, 0.75)
            if 6 <= minutes <= 238:
                break
        lead.outcome = "met"
    elif k < met + late:
        minutes = 242 + r.random() * 236
        lead.outcome = "late"
    elif k < met + late + later:
        minutes = 482 + lognormal(r, 420, 0.7)
        lead.outcome = "later"
    else:
        lead.outcome = "never"
        return
    touch = deadline(lead.sql, int(minutes))
    if touch > AS_OF:
        if due > AS_OF:
            lead.outcome = "pending"
            return
        touch = deadline(lead.sql, 10 + int(r.random() * 60))   # answered before the export
        lead.outcome = "met"
    lead.touch = clean(touch)


def owner_for(lead, r):
    if lead.sql is not None:
        if lead.sql < KASPER_LEFT:
            pool = AMS_BEFORE
        elif lead.sql < REPLACEMENT:
            pool = AMS_NOVEMBER
        else:
            pool = AMS_AFTER
        name = pool[int(r.random() * len(pool))]
        return "Rasmus Dahl" if name == "Kasper Holm" else name   # his contacts went to his successor
    if lead.mql is not None:
        return SDR if r.random() < 0.9 else ""
    return ""


def stage_times(create, end, reached, r):
    """Entry times of the first `reached` open stages, between `create` and `end`."""
    times = [create]
    span = (end - create).total_seconds()
    for i in range(1, reached):
        frac = (i + r.random() * 0.6) / (reached + 0.2)
        times.append(max(times[-1] + datetime.timedelta(minutes=30),
                         clean(office_time(create + datetime.timedelta(seconds=span * frac), r))))
    return [min(t, end) for t in times]


def make_deal(lead, opened, r, second=False):
    deal = {"create": opened, "contact": lead, "stages": {}, "second": second}
    after = regime(lead.sql) == "after"
    p_won = 0.41 if after else 0.32
    if lead.source == "Referrals":
        p_won += 0.15
    if lead.outcome in ("late", "later"):
        p_won -= 0.1
    won = r.random() < p_won
    if won:
        days = min(90, max(6, lognormal(r, 16, 0.5)))
    else:
        days = min(90, max(3, lognormal(r, 15, 0.6)))
    close = clean(office_time(opened + datetime.timedelta(days=days), r))
    amount = int(min(60000, max(8000, lognormal(r, 19000, 0.5))) / 500 + 0.5) * 500
    deal["amount"] = amount
    if close <= AS_OF:
        deal["status"] = "won" if won else "lost"
        deal["close"] = close
        reached = 5 if won else 1 + int(r.random() * 4)
        times = stage_times(opened, close, reached, r)
        deal["stage"] = "Closed Won" if won else "Closed Lost"
    else:
        deal["status"] = "open"
        deal["close"] = None
        progress = (AS_OF - opened).total_seconds() / (close - opened).total_seconds()
        reached = 1 + min(4, int(progress * 5))
        times = stage_times(opened, AS_OF, reached, r)
        deal["stage"] = OPEN_STAGES[reached - 1]
        if r.random() < 0.25 and reached <= 2:
            deal["amount"] = None            # no amount yet at the first meeting
    for i, t in enumerate(times):
        if i == 2 and reached > 3 and r.random() < 0.25:
            continue                         # no presentation: straight to the decision maker
        deal["stages"][OPEN_STAGES[i]] = t
    return deal


def build(r):
    firms = companies(r)
    leads = make_leads(r)
    emails = set()
    for lead in leads:
        lead.first, lead.last = r.choice(FIRST), r.choice(LAST)
        lead.company = firms[int(r.random() * r.random() * len(firms))] if r.random() < 0.93 else None
        domain = lead.company[1] if lead.company else "privat-post.example"
        local = f"{ascii_name(lead.first)}.{ascii_name(lead.last)}"
        email, n = f"{local}@{domain}", 2
        while email in emails:
            email, n = f"{local}{n}@{domain}", n + 1
        emails.add(email)
        lead.email = email
        if lead.sql is not None:
            respond(lead, r)
        lead.owner = owner_for(lead, r)
    sqls = [l for l in leads if l.sql is not None]
    # Two trade-fair leads an account manager rang after the fair, before they were SQLs: the
    # export cannot tell when they were answered as SQLs (rule 4: unmeasured).
    for lead in [l for l in sqls if l.imported][:2]:
        lead.touch, lead.outcome = clean(office_time(lead.mql + datetime.timedelta(hours=20), r)), "unmeasured"
        if lead.touch >= lead.sql:
            lead.touch = lead.sql - datetime.timedelta(days=1)
    # The last afternoon: three demo requests nobody has answered yet.
    for minutes in (13 * 60 + 41, 14 * 60 + 56, 16 * 60 + 23):
        lead = next(l for l in reversed(leads) if l.sql is None and l.mql is not None
                    and l.mql < at(AS_OF.date(), 12 * 60) and l.source != "Offline Sources")
        lead.sql, lead.touch, lead.outcome = at(AS_OF.date(), minutes), None, "pending"
        lead.owner = owner_for(lead, r)
    # Opportunities: a discovery meeting, days or weeks after the first outreach.
    deals = []
    for lead in sorted((l for l in leads if l.sql is not None), key=lambda l: l.sql):
        if lead.touch is None or lead.outcome in ("pending", "never"):
            continue
        p = 0.63 if regime(lead.sql) == "after" else 0.55
        if lead.source == "Referrals":
            p += 0.15
        if r.random() >= p:
            continue
        opened = clean(office_time(max(lead.sql, lead.touch) + datetime.timedelta(days=min(30, lognormal(r, 4, 0.7))), r))
        if opened > AS_OF:
            continue
        lead.opp = opened
        deal = make_deal(lead, opened, r)
        deals.append(deal)
        lead.deals.append(deal)
        if deal["status"] == "lost" and r.random() < 0.08:
            again = clean(office_time(deal["close"] + datetime.timedelta(days=lognormal(r, 20, 0.4)), r))
            if again < AS_OF - datetime.timedelta(days=2):
                second = make_deal(lead, again, r, second=True)
                deals.append(second)
                lead.deals.append(second)
    return leads, deals


CONTACT_HEADER = [
    "Record ID", "First Name", "Last Name", "Email", "Create Date", "Contact owner", "Lifecycle Stage",
    "Lead Status", "Became a Lead Date", "Became a Marketing Qualified Lead Date",
    "Became a Sales Qualified Lead Date", "Became an Opportunity Date", "Became a Customer Date",
    "Owner Assigned Date", "First outreach date", "Last Contacted", "Number of times contacted",
    "Number of Sales Activities", "Original Source", "Original Source Drill-Down 1", "Latest Source",
    "First Touch Converting Campaign", "First Conversion Date", "Associated Deal IDs", "Associated Company IDs",
]
DEAL_HEADER = [
    "Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Close Date", "Create Date", "Deal owner",
    "Deal Type", "Last Activity Date", "Associated Company", "Associated Contact IDs", "Is closed won",
    "Is closed lost",
] + [f'Date entered "{s} ({PIPELINE})"' for s in OPEN_STAGES]
PRODUCTS = ["Standard, 12 months", "Professional, 12 months", "Starter package", "Implementation",
            "Extra users"]


def quoted(fields):
    return ",".join('"' + f.replace('"', '""') + '"' for f in fields) + "\r\n"


def write(content, leads, deals, r):
    folder = os.path.join(content, "crm")
    os.makedirs(folder, exist_ok=True)
    record, deal_id = 100400, 9000000000
    for lead in leads:
        record += 1 + int(r.random() * 3)
        lead.id = str(record)
    for deal in sorted(deals, key=lambda d: d["create"]):
        deal_id += 1 + int(r.random() * 37)
        deal["id"] = str(deal_id)
    latest_sources = sorted({c[0] for c in CHANNELS})
    rows = []
    for lead in leads:
        won = [d for d in lead.deals if d["status"] == "won"]
        customer = min((d["close"] for d in won), default=None)
        if customer is not None:
            stage, status = "Customer", "Connected"
        elif lead.deals:
            stage = "Opportunity"
            status = "Open Deal" if any(d["status"] == "open" for d in lead.deals) else r.choice(["Unqualified", "Bad Timing"])
        elif lead.sql is not None:
            stage = "Sales Qualified Lead"
            status = "New" if lead.touch is None else r.choice(["Attempted to Contact", "Connected", "In Progress"])
        elif lead.mql is not None:
            stage, status = "Marketing Qualified Lead", "Open" if r.random() < 0.6 else "In Progress"
        else:
            stage, status = "Lead", "New" if r.random() < 0.5 else ""
        if lead.sql is not None:
            assigned = lead.sql
            if regime(lead.sql) == "november" and lead.outcome in ("later", "never") and r.random() < 0.5:
                assigned = min(AS_OF, office_time(lead.sql + datetime.timedelta(days=2 + r.random() * 10), r))
        elif lead.owner:
            assigned = lead.mql + datetime.timedelta(minutes=2 + int(r.random() * 90)) if lead.mql else None
            assigned = min(AS_OF, clean(assigned)) if assigned else None
        else:
            assigned = None
        times = 0
        last = None
        if lead.touch is not None:
            times = 1 + int(r.random() * (6 if lead.deals else 3))
            end = max(d["close"] or AS_OF for d in lead.deals) if lead.deals else min(AS_OF, lead.touch + datetime.timedelta(days=20))
            last = clean(office_time(lead.touch + (end - lead.touch) * r.random(), r))
            last = min(max(last, lead.touch), AS_OF)
        latest = lead.source if r.random() < 0.7 else r.choice(latest_sources)
        conversion = None if lead.imported else clean(lead.created + datetime.timedelta(minutes=int(r.random() * 2)))
        if conversion is not None and conversion > AS_OF:
            conversion = lead.created
        rows.append([
            lead.id, lead.first, lead.last, lead.email, hm(lead.created), lead.owner if assigned else "",
            stage, status, hm(lead.created), hm(lead.mql), hm(lead.sql), hm(lead.opp), hm(customer),
            hm(assigned), hm(lead.touch), hm(last), str(times), str(times + int(r.random() * 3)),
            lead.source, lead.drill, latest, lead.campaign, hm(conversion),
            ";".join(d["id"] for d in lead.deals), lead.company[2] if lead.company else "",
        ])
    with open(os.path.join(folder, CONTACTS), "w", newline="", encoding="utf-8") as out:
        out.write(quoted(CONTACT_HEADER))
        for row in rows:
            out.write(quoted(row))
    with open(os.path.join(folder, DEALS), "w", newline="", encoding="utf-8") as out:
        out.write(quoted(DEAL_HEADER))
        for deal in sorted(deals, key=lambda d: d["create"]):
            lead = deal["contact"]
            firm = lead.company[0] if lead.company else f"{lead.first} {lead.last}"
            end = deal["close"] or AS_OF
            activity = min(end, clean(office_time(deal["create"] + (end - deal["create"]) * (0.5 + r.random() * 0.5), r)))
            activity = max(activity, deal["create"])
            out.write(quoted([
                deal["id"], f"{firm} – {r.choice(PRODUCTS)}", deal["stage"], PIPELINE,
                str(deal["amount"]) if deal["amount"] is not None else "", hm(deal["close"]),
                hm(deal["create"]), lead.owner, "Existing Business" if deal["second"] else "New Business",
                hm(activity), lead.company[0] if lead.company else "", lead.id,
                "true" if deal["status"] == "won" else "false", "true" if deal["status"] == "lost" else "false",
            ] + [hm(deal["stages"].get(s)) for s in OPEN_STAGES]))
    with open(os.path.join(folder, "sources.yml"), "w", newline="\n", encoding="utf-8") as out:
        out.write(SOURCES_YML)
    return len(rows), len(deals)


SOURCES_YML = f"""# The CRM exports the playbook's goal and SLA are measured against (docs/pipeline.md).
# This folder is never published: only the numbers computed from it reach the site.
# Synthetic data, written by Scripts/make-example-crm.py.
time_zone: Europe/Copenhagen      # HubSpot writes times without an offset, in the portal's zone
as_of: 2026-03-31T17:00           # when the exports were taken
sources:
  # Shaped like HubSpot's "all properties" contacts export.
  - {{file: {CONTACTS}, preset: hubspot-contacts}}
  # Shaped like HubSpot's deals export.
  - file: {DEALS}
    preset: hubspot-deals
    currency: DKK                 # the export has no currency column
    stages:                       # deal stages → stage ids: their Date entered columns count
""" + "".join(f'      "{s}": opportunity\n' for s in OPEN_STAGES)


def main():
    content = sys.argv[1] if len(sys.argv) > 1 else "content"
    r = random.Random(SEED)
    leads, deals = build(r)
    contacts, deal_rows = write(content, leads, deals, r)
    folder = os.path.join(content, "crm")
    print(f"wrote {contacts} contacts to {os.path.join(folder, CONTACTS)}")
    print(f"wrote {deal_rows} deals to {os.path.join(folder, DEALS)}")
    print(f"wrote {os.path.join(folder, 'sources.yml')}")


if __name__ == "__main__":
    main()
