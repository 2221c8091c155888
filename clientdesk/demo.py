"""Realistic Indian demo data: clients in Devanagari and Latin, valid mobiles, addresses with real
PIN prefixes, birthdays (a few minors), businesses with valid GSTINs, two years of bills with line
items and categories, interactions and consent records. Deterministic for a seed."""

from __future__ import annotations

import datetime as dt
import random
from typing import Callable

from clientdesk.dialect import sql_for
from clientdesk.validate import gstin_check_char

# (Latin, Devanagari, gender)
FIRST_NAMES = [
    ("Ramesh", "रमेश", "male"), ("Suresh", "सुरेश", "male"), ("Sunita", "सुनीता", "female"),
    ("Priya", "प्रिया", "female"), ("Amit", "अमित", "male"), ("Anita", "अनीता", "female"),
    ("Rajesh", "राजेश", "male"), ("Pooja", "पूजा", "female"), ("Vikas", "विकास", "male"),
    ("Neha", "नेहा", "female"), ("Sanjay", "संजय", "male"), ("Kavita", "कविता", "female"),
    ("Deepak", "दीपक", "male"), ("Laxmi", "लक्ष्मी", "female"), ("Mahesh", "महेश", "male"),
    ("Geeta", "गीता", "female"), ("Ankit", "अंकित", "male"), ("Shweta", "श्वेता", "female"),
    ("Harpreet", "हरप्रीत", "female"), ("Manoj", "मनोज", "male"), ("Rekha", "रेखा", "female"),
    ("Arjun", "अर्जुन", "male"), ("Meena", "मीना", "female"), ("Rahul", "राहुल", "male"),
    ("Sneha", "स्नेहा", "female"), ("Abhishek", "अभिषेक", "male"), ("Ritu", "रितु", "female"),
    ("Imran", "इमरान", "male"), ("Zainab", "ज़ैनब", "female"), ("Joseph", "जोसेफ", "male"),
    ("Mary", "मैरी", "female"), ("Gurpreet", "गुरप्रीत", "male"), ("Krishna", "कृष्णा", "male"),
    ("Savita", "सविता", "female"), ("Naresh", "नरेश", "male"), ("Usha", "उषा", "female"),
    ("Vijay", "विजय", "male"), ("Asha", "आशा", "female"), ("Mohan", "मोहन", "male"),
    ("Divya", "दिव्या", "female"),
]
SURNAMES = [
    ("Kumar", "कुमार"), ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"),
    ("Patel", "पटेल"), ("Yadav", "यादव"), ("Jain", "जैन"), ("Agarwal", "अग्रवाल"), ("Mishra", "मिश्रा"),
    ("Kaur", "कौर"), ("Khan", "ख़ान"), ("Joshi", "जोशी"), ("Reddy", "रेड्डी"), ("Iyer", "अय्यर"),
    ("Das", "दास"), ("Chauhan", "चौहान"), ("Mehta", "मेहता"), ("Pandey", "पांडे"), ("D'Souza", "डिसूज़ा"),
    ("Tiwari", "तिवारी"), ("Saxena", "सक्सेना"), ("Shukla", "शुक्ला"), ("Nair", "नायर"),
]
# (city, state, GST state code, PIN prefix)
CITIES = [
    ("Mumbai", "Maharashtra", "27", "400"), ("Pune", "Maharashtra", "27", "411"),
    ("Delhi", "Delhi", "07", "110"), ("Jaipur", "Rajasthan", "08", "302"),
    ("Lucknow", "Uttar Pradesh", "09", "226"), ("Kanpur", "Uttar Pradesh", "09", "208"),
    ("Bengaluru", "Karnataka", "29", "560"), ("Chennai", "Tamil Nadu", "33", "600"),
    ("Kolkata", "West Bengal", "19", "700"), ("Ahmedabad", "Gujarat", "24", "380"),
    ("Indore", "Madhya Pradesh", "23", "452"), ("Bhopal", "Madhya Pradesh", "23", "462"),
    ("Patna", "Bihar", "10", "800"), ("Chandigarh", "Chandigarh", "04", "160"),
    ("Amritsar", "Punjab", "03", "143"), ("Varanasi", "Uttar Pradesh", "09", "221"),
]
STREETS = ["MG Road", "Station Road", "Gandhi Nagar", "Nehru Colony", "Shastri Marg", "Civil Lines",
           "Sadar Bazaar", "Model Town", "Rajendra Nagar", "Subhash Chowk", "Tilak Road", "Ashok Vihar"]
# category -> [(product, price in rupees)]; "S"/"L" packs for up-sell signals
CATALOG = {
    "Grocery": [("Atta 5 kg", 260), ("Atta 10 kg", 490), ("Rice 5 kg", 420), ("Toor Dal 1 kg", 160),
                ("Sugar 1 kg", 48), ("Mustard Oil 1 L", 180), ("Tea 250 g", 140), ("Salt 1 kg", 25)],
    "Dairy": [("Milk 1 L", 66), ("Paneer 200 g", 90), ("Curd 500 g", 45), ("Ghee 500 ml", 320),
              ("Butter 100 g", 58)],
    "Meat": [("Chicken 1 kg", 240), ("Mutton 500 g", 380), ("Eggs 12", 84), ("Fish 500 g", 260)],
    "Vegetables": [("Onion 1 kg", 40), ("Potato 1 kg", 30), ("Tomato 1 kg", 35), ("Spinach", 20)],
    "Snacks": [("Namkeen 200 g", 50), ("Biscuits", 30), ("Chips", 20), ("Pizza", 199)],
    "Beverages": [("Cold Drink 2 L", 95), ("Juice 1 L", 110), ("Coffee 100 g", 180)],
    "Bakery": [("Bread", 45), ("Cake", 350), ("Rusk", 60)],
    "Personal care": [("Soap", 40), ("Shampoo 180 ml", 150), ("Shampoo 650 ml", 420), ("Toothpaste", 95)],
    "Household": [("Detergent 1 kg", 120), ("Detergent 4 kg", 420), ("Dishwash Bar", 30), ("Agarbatti", 35)],
}
TOGETHER = {"Pizza": ("Cold Drink 2 L", 0.8), "Bread": ("Butter 100 g", 0.5), "Tea 250 g": ("Sugar 1 kg", 0.45),
            "Chicken 1 kg": ("Onion 1 kg", 0.6), "Cake": ("Cold Drink 2 L", 0.4)}
MOBILE_PREFIXES = ["98", "97", "99", "96", "95", "94", "93", "90", "91", "88", "87", "89", "80", "81", "70", "77",
                   "78", "79", "63", "62", "73", "75", "76", "84", "85", "86"]
DEMO_SHOP_NAME, DEMO_SHOP_PHONE = "Demo Kirana Store", "98765 43210"
INTERACTION_TEXT = ["Asked about new stock", "Called for home delivery", "Festival offer sent",
                    "Came to check prices", "Complained about delay; resolved", "Enquired about bulk order"]


# The settings key where demo notes the client ids it made: [[first id, last id], ...]. Clients
# outside these ranges are the shop's own, and demo refuses a desk that has any (see shop_clients).
DEMO_SETTING = "demo_client_ids"


def demo_ranges(desk) -> list[tuple[int, int]]:
    """The id ranges of the clients demo made in this desk."""
    value = desk.settings.get(DEMO_SETTING) or []
    return [(int(lo), int(hi)) for lo, hi in value]


def shop_clients(desk) -> int:
    """How many clients of this desk were not made by demo (the shop's own)."""
    ranges = demo_ranges(desk)
    where = " AND ".join(["NOT (id BETWEEN ? AND ?)"] * len(ranges)) or "1 = 1"
    params = [bound for pair in ranges for bound in pair]
    return desk.db.execute_sql(f"SELECT count(*) FROM client WHERE {where}", params).fetchone()[0]


def _gstin(rng: random.Random, state: str) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    pan = ("".join(rng.choice(letters) for _ in range(3)) + rng.choice("PCFH") + rng.choice(letters)
           + f"{rng.randrange(10000):04d}" + rng.choice(letters))
    first14 = f"{state}{pan}1Z"
    return first14 + gstin_check_char(first14)


def generate(desk, n_clients: int, seed: int = 1,
             progress: Callable[[int, int], None] | None = None, years: int = 2) -> dict:
    """Add `n_clients` demo clients and their history to the open desk; returns counts."""
    rng = random.Random(seed)
    db = desk.db
    today = desk.clock.today()
    now = desk.clock.now()
    start = today - dt.timedelta(days=365 * years)
    existing_phones = {n for (n,) in db.execute_sql("SELECT number FROM phone").fetchall()}
    next_client = (db.execute_sql("SELECT coalesce(max(id), 0) FROM client").fetchone()[0]) + 1
    next_purchase = (db.execute_sql("SELECT coalesce(max(id), 0) FROM purchase").fetchone()[0]) + 1
    products = [(cat, name, price) for cat, items in CATALOG.items() for name, price in items]
    by_name = {name: (cat, price) for cat, name, price in products}
    veg_products = [p for p in products if p[0] != "Meat"]
    counts = {"clients": 0, "purchases": 0, "lines": 0, "interactions": 0}
    chunk = 2000
    client_ids: list[int] = []
    with db.atomic():
        for offset in range(0, n_clients, chunk):
            size = min(chunk, n_clients - offset)
            clients, phones, consents, events, bills, lines, interactions = [], [], [], [], [], [], []
            for _ in range(size):
                cid = next_client
                next_client += 1
                client_ids.append(cid)
                first = rng.choice(FIRST_NAMES)
                last = rng.choice(SURNAMES)
                father = rng.choice([f for f in FIRST_NAMES if f[2] == "male"])
                hindi = rng.random() < 0.4
                name = f"{first[1]} {last[1]}" if hindi else f"{first[0]} {last[0]}"
                father_name = f"{father[1]} {last[1]}" if hindi else f"{father[0]} {last[0]}"
                married_woman = first[2] == "female" and rng.random() < 0.3
                honorific = {"male": "श्री" if hindi else "Shri", "female": "श्रीमती" if hindi else "Smt."}[first[2]]
                city, state, gst_state, pin_prefix = rng.choice(CITIES)
                while True:
                    number = "+91" + rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
                    if number not in existing_phones:
                        existing_phones.add(number)
                        break
                email = (f"{first[0].lower()}.{last[0].lower().replace(chr(39), '')}{cid}@example.in"
                         if rng.random() < 0.3 else None)
                minor = rng.random() < 0.02
                has_birthday = rng.random() < 0.7 or minor
                birth_year = (today.year - rng.randint(8, 17) if minor else
                              (rng.randint(1950, 2004) if rng.random() < 0.5 else None)) if has_birthday else None
                bday = (rng.randint(1, 28), rng.randint(1, 12)) if has_birthday else (None, None)
                if has_birthday and rng.random() < 0.004:
                    bday = (29, 2)
                    birth_year = rng.choice([1980, 1984, 1988, 1992, 1996])
                anniv = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1985, 2024)) if (
                    not minor and rng.random() < 0.3) else (None, None, None)
                business = rng.random() < 0.1
                business_name = f"{last[0]} {rng.choice(['Traders', 'Stores', 'Enterprises', 'Kirana'])}" if business else ""
                gstin = _gstin(rng, gst_state) if business else None
                founded = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1980, 2022)) if business else (None, None, None)
                source = rng.choices(["walk_in", "referral", "trade_fair", "advertisement", "online", "other"],
                                     [50, 20, 5, 10, 10, 5])[0]
                created = now - dt.timedelta(days=rng.randint(0, 365 * years))
                vegetarian = rng.random() < 0.6
                active = rng.random() < 0.9
                visits: list[dt.date] = []
                if active:
                    rate = rng.lognormvariate(-1.6, 0.9)  # bills per month
                    joined = start + dt.timedelta(days=rng.randint(0, 365 * years - 1))
                    stop = today if rng.random() < 0.75 else joined + dt.timedelta(days=rng.randint(30, 500))
                    day = joined
                    while day <= min(stop, today) and len(visits) < 60:
                        visits.append(day)
                        day += dt.timedelta(days=max(1, int(rng.expovariate(rate / 30.0))))
                for visit in visits:
                    pid = next_purchase
                    next_purchase += 1
                    pool = veg_products if vegetarian else products
                    chosen = rng.sample(pool, k=min(len(pool), rng.choices([1, 2, 3, 4, 5], [20, 30, 25, 15, 10])[0]))
                    names = {p[1] for p in chosen}
                    for item, (partner, chance) in TOGETHER.items():
                        if item in names and partner not in names and rng.random() < chance:
                            cat, price = by_name[partner]
                            if not (vegetarian and cat == "Meat"):
                                chosen.append((cat, partner, price))
                                names.add(partner)
                    total = 0
                    for cat, product, price in chosen:
                        qty = rng.choices([1, 2, 3], [70, 20, 10])[0]
                        amount = price * qty * 100
                        total += amount
                        lines.append((pid, product, cat, qty, amount))
                    bills.append((pid, cid, visit.isoformat(), f"B{pid}", total, "",
                                  dt.datetime.combine(visit, dt.time(rng.randint(9, 20), rng.randint(0, 59))).isoformat(" ")))
                for _ in range(rng.choices([0, 1, 2, 3], [40, 35, 15, 10])[0]):
                    at = now - dt.timedelta(days=rng.randint(0, 365 * years), minutes=rng.randint(0, 600))
                    channel = rng.choice(["phone", "whatsapp", "visit", "sms", "email"])
                    interactions.append((cid, at.isoformat(" "), channel, rng.choice(["in", "out"]),
                                         rng.choice(INTERACTION_TEXT), ""))
                for channel, chance in (("whatsapp", 0.7), ("sms", 0.2), ("email", 0.3 if email else 0), ("post", 0.1)):
                    if rng.random() < chance:
                        method = rng.choice(["counter_form", "verbal"])
                        consents.append((cid, channel, True, created.isoformat(" "), method, False))
                        events.append((cid, channel, True, created.isoformat(" "), method, "demo"))
                tags = []
                if vegetarian and visits:
                    tags.append("veg")
                if business:
                    tags.append("wholesale")
                clients.append((
                    cid, honorific, name, father_name, "husband" if married_woman else "father", first[2], email,
                    f"{rng.randint(1, 250)}, {rng.choice(STREETS)}", city, state,
                    f"{pin_prefix}{rng.randint(1, 99):03d}", business_name, gstin,
                    bday[0], bday[1], birth_year, anniv[0], anniv[1], anniv[2], founded[0], founded[1], founded[2],
                    rng.choice([None, None, 20, 40, 60, 80]), source, "hi" if hindi or rng.random() < 0.3 else "en",
                    number, ", ".join(tags), created.isoformat(" "), created.isoformat(" "),
                ))
                phones.append((cid, number, True, True))
            cur = db.cursor()
            cur.executemany(
                "INSERT INTO client (id, honorific, name, father_name, father_relation, gender, email, postal_line, "
                "postal_city, postal_state, postal_pin, business_name, gstin, birth_day, birth_month, birth_year, "
                "anniversary_day, anniversary_month, anniversary_year, founded_day, founded_month, founded_year, "
                "likelihood, source, language, primary_phone, tags_text, created_at, updated_at, work_line, work_city, "
                "work_state, work_pin, notes, archived, erased, visit_count, total_spent_paise) "
                "VALUES (" + ",".join("?" * 29) + ", '', '', '', '', '', FALSE, FALSE, 0, 0)", clients)
            cur.executemany("INSERT INTO phone (client_id, number, is_primary, is_whatsapp) VALUES (?,?,?,?)", phones)
            cur.executemany("INSERT INTO consent (client_id, channel, granted, changed_at, method, guardian) "
                            "VALUES (?,?,?,?,?,?)", consents)
            cur.executemany("INSERT INTO consent_event (client_id, channel, granted, at, method, note) "
                            "VALUES (?,?,?,?,?,?)", events)
            cur.executemany("INSERT INTO purchase (id, client_id, date, bill_no, amount_paise, note, created_at) "
                            "VALUES (?,?,?,?,?,?,?)", bills)
            cur.executemany("INSERT INTO purchase_line (purchase_id, product, category, qty, amount_paise) "
                            "VALUES (?,?,?,?,?)", lines)
            cur.executemany("INSERT INTO interaction (client_id, at, channel, direction, summary, kind) "
                            "VALUES (?,?,?,?,?,?)", interactions)
            counts["clients"] += size
            counts["purchases"] += len(bills)
            counts["lines"] += len(lines)
            counts["interactions"] += len(interactions)
            if progress:
                progress(counts["clients"], n_clients)
        for table in ("client", "purchase"):  # written with ids of our own: the next ones follow them
            sql_for(db).advance_ids(db, table)
        _tag_clients(db, client_ids)
        desk.clients.refresh_stats(client_ids)
        desk.clients.reindex(client_ids, fresh=True)
        if client_ids:
            desk.settings.set(DEMO_SETTING, [list(r) for r in demo_ranges(desk)] + [[client_ids[0], client_ids[-1]]])
    db.execute_sql("ANALYZE")  # statistics for the query planner after a bulk load
    if not desk.settings.get("shop_name"):  # a demo desk greets end to end, signed by a made-up shop
        desk.settings.update({"shop_name": DEMO_SHOP_NAME, "shop_phone": desk.settings.get("shop_phone") or DEMO_SHOP_PHONE})
    return counts


def _tag_clients(db, client_ids: list[int]) -> None:
    """Turn the demo tags_text into Tag / ClientTag rows."""
    for name in ("veg", "wholesale"):
        db.execute_sql("INSERT INTO tag (name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
    lo, hi = min(client_ids), max(client_ids)
    for name in ("veg", "wholesale"):
        db.execute_sql(
            "INSERT INTO client_tag (client_id, tag_id) SELECT c.id, t.id FROM client c, tag t "
            "WHERE t.name = ? AND c.id BETWEEN ? AND ? AND (',' || replace(c.tags_text, ' ', '') || ',') LIKE '%,' || ? || ',%' "
            "ON CONFLICT DO NOTHING",
            (name, lo, hi, name))
