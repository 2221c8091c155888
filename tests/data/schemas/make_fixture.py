"""Write a small client book with the code of an old release (run with that release on sys.path)."""
import datetime as dt, sys
from pathlib import Path
from clientdesk.desk import Desk
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.services.history import PurchaseRecord
try:
    from clientdesk.services.history import LineItem
except ImportError:
    LineItem = None
out = Path(sys.argv[1]); out.unlink(missing_ok=True)
desk = Desk.open(out)
a = desk.clients.create(ClientData(name="रमेश कुमार", father_name="मोहन लाल", phones=[PhoneEntry("9876543210", is_primary=True)],
                                   email="ramesh@example.in", postal_city="Pune", birth_day=22, birth_month=11, notes="old note"))
b = desk.clients.create(ClientData(name="Priya Singh", phones=[PhoneEntry("9812345678", is_primary=True)], language="en",
                                   business_name="Singh Traders", gstin="27AAPFU0939F1ZV"))
import inspect
fields = inspect.signature(PurchaseRecord).parameters
kw = dict(client_id=a, date=dt.date(2025, 3, 1), amount_paise=125_050, bill_no="B-1")
if LineItem is not None and "lines" in fields:
    kw["lines"] = [LineItem(product="Paneer", category="Dairy", qty=2, amount_paise=125_050)]
kw = {k: v for k, v in kw.items() if k in fields}
desk.history.record_purchase(PurchaseRecord(**kw))
if hasattr(desk, "loyalty"):
    desk.counter.record_sale(b, 2_000_00)
desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
print(out, desk.db.pragma("user_version"))
desk.close()
import sqlite3
c = sqlite3.connect(out); c.execute('PRAGMA journal_mode=delete'); c.execute('VACUUM'); c.close()
