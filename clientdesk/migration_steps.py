"""The numbered schema steps. Each takes (db, migrator) and runs inside one transaction.

Each step is frozen in time: the SQL it ran when it was written (copied from a client book of
that release, tests/data/schemas/), never today's models, so an old file upgraded next year runs
what it was written for. Numbers were taken in order by feature area as it landed: 2 import
batches, 3 loyalty, 4 greetings, 5 insights, 6 the phone search index, 7 names in the other
script, 8 households sharing a phone number, 9 the branch and counter on each bill. Statements
are idempotent (IF NOT EXISTS), as the first steps' create_tables(safe=True) were; step 8
rebuilds a table, in its one transaction. Step 6 fills the search indexes with today's search
code: they are derived data, rebuilt from the tables.
"""

from __future__ import annotations

from clientdesk.migrations import migration

# fmt: off
# The statements of each step as the release that introduced it wrote them.
STEP_2_IMPORTS = (
    'CREATE TABLE IF NOT EXISTS "import_batch" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "created_at" DATETIME NOT NULL, "created" INTEGER NOT NULL, "updated" INTEGER NOT NULL, "undone" INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "import_change" ("id" INTEGER NOT NULL PRIMARY KEY, "batch_id" INTEGER NOT NULL, "action" VARCHAR(255) NOT NULL, "target_id" INTEGER NOT NULL, "before" TEXT, FOREIGN KEY ("batch_id") REFERENCES "import_batch" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "import_batch_undone" ON "import_batch" ("undone")',
    'CREATE INDEX IF NOT EXISTS "import_change_batch_id" ON "import_change" ("batch_id")',
    'CREATE INDEX IF NOT EXISTS "import_change_target_id" ON "import_change" ("target_id")',
)

STEP_3_LOYALTY = (
    'CREATE TABLE IF NOT EXISTS "loyalty_member" ("client_id" INTEGER NOT NULL PRIMARY KEY, "joined_on" DATE NOT NULL, "tier" VARCHAR(255) NOT NULL, "tier_since" DATE NOT NULL, "stamps" INTEGER NOT NULL, "rewards_due" INTEGER NOT NULL, "last_stamp_on" DATE, "birthday_bonus_year" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "loyalty_card" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, "client_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "issued_on" DATE NOT NULL, "printed_on" DATE, "blocked_on" DATE, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "counter_sale" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "purchase_id" INTEGER, "at" DATETIME NOT NULL, "date" DATE NOT NULL, "card" VARCHAR(255) NOT NULL, "amount_paise" INTEGER NOT NULL, "redeemed_points" INTEGER NOT NULL, "redeemed_paise" INTEGER NOT NULL, "earned_points" INTEGER NOT NULL, "bonus_points" INTEGER NOT NULL, "stamp_added" INTEGER NOT NULL, "reward_earned" INTEGER NOT NULL, "reward_used" INTEGER NOT NULL, "tier_before" VARCHAR(255) NOT NULL, "joined" INTEGER NOT NULL, "stamps_before" INTEGER NOT NULL, "rewards_before" INTEGER NOT NULL, "birthday_year_before" INTEGER, "last_stamp_before" DATE, "undone" INTEGER NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE SET NULL)',
    'CREATE TABLE IF NOT EXISTS "ledger_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "date" DATE NOT NULL, "kind" VARCHAR(255) NOT NULL, "points" INTEGER NOT NULL, "remaining" INTEGER NOT NULL, "expires_on" DATE, "value_paise" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "sale_id" INTEGER, "purchase_id" INTEGER, "reverses_id" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("sale_id") REFERENCES "counter_sale" ("id") ON DELETE SET NULL, FOREIGN KEY ("purchase_id") REFERENCES "purchase" ("id") ON DELETE SET NULL, FOREIGN KEY ("reverses_id") REFERENCES "ledger_entry" ("id") ON DELETE SET NULL)',
    'CREATE TABLE IF NOT EXISTS "ledger_use" ("id" INTEGER NOT NULL PRIMARY KEY, "entry_id" INTEGER NOT NULL, "lot_id" INTEGER NOT NULL, "points" INTEGER NOT NULL, FOREIGN KEY ("entry_id") REFERENCES "ledger_entry" ("id") ON DELETE CASCADE, FOREIGN KEY ("lot_id") REFERENCES "ledger_entry" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "loyalty_member_tier" ON "loyalty_member" ("tier")',
    'CREATE INDEX IF NOT EXISTS "loyalty_card_client_id" ON "loyalty_card" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "loyalty_card_client_id_status" ON "loyalty_card" ("client_id", "status")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "loyalty_card_number" ON "loyalty_card" ("number")',
    'CREATE INDEX IF NOT EXISTS "counter_sale_client_id" ON "counter_sale" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "counter_sale_client_id_date" ON "counter_sale" ("client_id", "date")',
    'CREATE INDEX IF NOT EXISTS "counter_sale_date_id" ON "counter_sale" ("date", "id")',
    'CREATE INDEX IF NOT EXISTS "counter_sale_purchase_id" ON "counter_sale" ("purchase_id")',
    'CREATE INDEX IF NOT EXISTS "ledger_entry_client_id" ON "ledger_entry" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "ledger_entry_client_id_id" ON "ledger_entry" ("client_id", "id")',
    'CREATE INDEX IF NOT EXISTS "ledger_entry_purchase_id" ON "ledger_entry" ("purchase_id")',
    'CREATE INDEX IF NOT EXISTS "ledger_entry_reverses_id" ON "ledger_entry" ("reverses_id")',
    'CREATE INDEX IF NOT EXISTS "ledger_entry_sale_id" ON "ledger_entry" ("sale_id")',
    'CREATE INDEX IF NOT EXISTS "ledgerentry_open_expiry" ON "ledger_entry" ("expires_on") WHERE ("remaining" > 0)',
    'CREATE INDEX IF NOT EXISTS "ledgerentry_open_lots" ON "ledger_entry" ("client_id", "date", "id") WHERE ("remaining" > 0)',
    'CREATE INDEX IF NOT EXISTS "ledger_use_entry_id" ON "ledger_use" ("entry_id")',
    'CREATE INDEX IF NOT EXISTS "ledger_use_lot_id" ON "ledger_use" ("lot_id")',
)

STEP_4_GREETINGS = (
    'CREATE TABLE IF NOT EXISTS "greeting_template" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255), "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "occasion_key" VARCHAR(255) NOT NULL, "subject_hi" VARCHAR(255) NOT NULL, "subject_en" VARCHAR(255) NOT NULL, "body_hi" TEXT NOT NULL, "body_en" TEXT NOT NULL, "fallbacks" TEXT NOT NULL, "builtin" INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "greeting_log" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "channel" VARCHAR(255) NOT NULL, "occasion_key" VARCHAR(255) NOT NULL, "occasion_on" DATE, "template_id" INTEGER, "interaction_id" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("template_id") REFERENCES "greeting_template" ("id") ON DELETE SET NULL, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE SET NULL)',
    'CREATE TABLE IF NOT EXISTS "festival_change" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "year" INTEGER NOT NULL, "moved_to" DATE, "hidden" INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "user_festival" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "name_en" VARCHAR(255) NOT NULL, "name_hi" VARCHAR(255) NOT NULL, "month" INTEGER NOT NULL, "day" INTEGER NOT NULL, "year" INTEGER)',
    'CREATE TABLE IF NOT EXISTS "client_date" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "label" VARCHAR(255) NOT NULL, "day" INTEGER NOT NULL, "month" INTEGER NOT NULL, "year" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "client_festivals" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "keys" TEXT NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "greeting_template_code" ON "greeting_template" ("code")',
    'CREATE INDEX IF NOT EXISTS "greeting_template_kind" ON "greeting_template" ("kind")',
    'CREATE INDEX IF NOT EXISTS "greeting_log_client_id" ON "greeting_log" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "greeting_log_client_id_at" ON "greeting_log" ("client_id", "at")',
    'CREATE INDEX IF NOT EXISTS "greeting_log_client_id_occasion_key" ON "greeting_log" ("client_id", "occasion_key")',
    'CREATE INDEX IF NOT EXISTS "greeting_log_interaction_id" ON "greeting_log" ("interaction_id")',
    'CREATE INDEX IF NOT EXISTS "greeting_log_template_id" ON "greeting_log" ("template_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "festival_change_key_year" ON "festival_change" ("key", "year")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "user_festival_key" ON "user_festival" ("key")',
    'CREATE INDEX IF NOT EXISTS "client_date_client_id" ON "client_date" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "client_date_month_day" ON "client_date" ("month", "day")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "client_festivals_client_id" ON "client_festivals" ("client_id")',
    'CREATE INDEX IF NOT EXISTS client_inactive ON client (id) WHERE (archived != 0 OR erased != 0)',
    'CREATE INDEX IF NOT EXISTS client_birth_md ON client (birth_month, birth_day, birth_year, archived, erased) WHERE birth_month IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS client_anniversary_md ON client (anniversary_month, anniversary_day, anniversary_year, archived, erased) WHERE anniversary_month IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS client_founded_md ON client (founded_month, founded_day, founded_year, archived, erased) WHERE founded_month IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS client_first_purchase_md ON client (substr(first_purchase_on, 6, 5), first_purchase_on, archived, erased)',
)

STEP_5_INSIGHTS = (
    'CREATE TABLE IF NOT EXISTS "saved_segment" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "query" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "client_score" ("client_id" INTEGER NOT NULL PRIMARY KEY, "recency_days" INTEGER NOT NULL, "visits" INTEGER NOT NULL, "bills" INTEGER NOT NULL, "spent_paise" INTEGER NOT NULL, "avg_bill_paise" INTEGER NOT NULL, "visits_per_month" REAL NOT NULL, "r" INTEGER NOT NULL, "f" INTEGER NOT NULL, "m" INTEGER NOT NULL, "rfm_group" VARCHAR(255) NOT NULL, "p_alive" REAL, "p30" REAL, "likelihood" INTEGER, "usual_gap_days" REAL, "winback" INTEGER NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "item_pair" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "a" VARCHAR(255) NOT NULL, "b" VARCHAR(255) NOT NULL, "bills_ab" INTEGER NOT NULL, "support" REAL NOT NULL, "confidence" REAL NOT NULL, "lift" REAL NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "client_suggestion" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "rank" INTEGER NOT NULL, "item" VARCHAR(255) NOT NULL, "category" VARCHAR(255) NOT NULL, "because" VARCHAR(255) NOT NULL, "because_category" VARCHAR(255) NOT NULL, "bills_a" INTEGER NOT NULL, "bills_ab" INTEGER NOT NULL, "confidence" REAL NOT NULL, "lift" REAL NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "upsell_signal" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "value_a" INTEGER NOT NULL, "value_b" INTEGER NOT NULL, "text_a" VARCHAR(255) NOT NULL, "text_b" VARCHAR(255) NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "insight_run" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "as_of" DATE NOT NULL, "seconds" REAL NOT NULL, "details" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "saved_segment_name" ON "saved_segment" ("name")',
    'CREATE INDEX IF NOT EXISTS "client_score_rfm_group" ON "client_score" ("rfm_group")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "item_pair_kind_a_b" ON "item_pair" ("kind", "a", "b")',
    'CREATE INDEX IF NOT EXISTS "client_suggestion_client_id" ON "client_suggestion" ("client_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "client_suggestion_client_id_rank" ON "client_suggestion" ("client_id", "rank")',
    'CREATE INDEX IF NOT EXISTS "upsell_signal_client_id" ON "upsell_signal" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "upsell_signal_kind" ON "upsell_signal" ("kind")',
    'CREATE INDEX IF NOT EXISTS "purchaseline_category_purchase" ON "purchase_line" ("category", "purchase_id")',
    'CREATE INDEX IF NOT EXISTS "purchaseline_product_purchase" ON "purchase_line" ("product", "purchase_id")',
    'CREATE INDEX IF NOT EXISTS "purchase_date_client_amount" ON "purchase" ("date", "client_id", "amount_paise")',
)

STEP_6_SEARCH = (
    'CREATE VIRTUAL TABLE "client_search" USING fts5 ("name", "father", "business", "email", "gstin", detail=column, prefix=\'1 2\', tokenize="unicode61 remove_diacritics 2")',
    'CREATE VIRTUAL TABLE "client_phone_search" USING fts5 ("phones", tokenize="trigram")',
)
# fmt: on


def _run(db, statements) -> None:
    for sql in statements:
        db.execute_sql(sql)


@migration(2)
def _import_tables(db, migrator):
    _run(db, STEP_2_IMPORTS)


@migration(3)
def _loyalty_tables(db, migrator):
    _run(db, STEP_3_LOYALTY)


@migration(4)
def _greeting_tables(db, migrator):
    _run(db, STEP_4_GREETINGS)


@migration(5)
def _insight_tables(db, migrator):
    _run(db, STEP_5_INSIGHTS)


def _client_list_columns(db):
    """The list's sort key and its indexes, which the first releases' client table lacked (they
    came without a step of their own): added where missing, filled by the reindex of step 6."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(client)").fetchall()}
    if "search_key" not in columns:
        db.execute_sql("ALTER TABLE client ADD COLUMN search_key VARCHAR(255) NOT NULL DEFAULT ''")
    db.execute_sql('DROP INDEX IF EXISTS "client_archived"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_archived_search_key_name" ON "client" ("archived", "search_key", "name")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_search_key_name" ON "client" ("search_key", "name")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_archived_only" ON "client" ("id") WHERE ("archived" = 1)')


@migration(6)
def _phone_search_index(db, migrator):
    """Phones move from the client search index to a trigram index of their own: the client
    index is made again without its phones column, and both are filled from the tables."""
    from clientdesk.clients.index import reindex_clients

    _client_list_columns(db)
    db.execute_sql('DROP TABLE IF EXISTS "client_search"')
    db.execute_sql('DROP TABLE IF EXISTS "client_phone_search"')
    _run(db, STEP_6_SEARCH)
    reindex_clients(db, [cid for (cid,) in db.execute_sql("SELECT id FROM client")], fresh=True)


@migration(7)
def _names_in_other_script(db, migrator):
    """The client's name and father's name in the other script (fixed SQL, as written for v7)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(client)").fetchall()}
    for column in ("name_other", "father_name_other"):
        if column not in columns:  # a file made by hand from a newer schema may have it already
            db.execute_sql(f"ALTER TABLE client ADD COLUMN {column} VARCHAR(255) NOT NULL DEFAULT ''")


# fmt: off
# Schema 8: several clients may share a phone number (a household). The phone table is made
# again without the unique number (kept as a plain index) and with one row per client and number.
STEP_8_SHARED_PHONES = (
    'CREATE TABLE "phone_new" ("id" INTEGER NOT NULL PRIMARY KEY, "client_id" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "is_primary" INTEGER NOT NULL, "is_whatsapp" INTEGER NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE)',
    'INSERT INTO "phone_new" ("id", "client_id", "number", "is_primary", "is_whatsapp") SELECT "id", "client_id", "number", "is_primary", "is_whatsapp" FROM "phone"',
    'DROP TABLE "phone"',
    'ALTER TABLE "phone_new" RENAME TO "phone"',
    'CREATE INDEX IF NOT EXISTS "phone_client_id" ON "phone" ("client_id")',
    'CREATE INDEX IF NOT EXISTS "phone_number" ON "phone" ("number")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "phone_client_id_number" ON "phone" ("client_id", "number")',
)
# fmt: on


@migration(8)
def _shared_phones(db, migrator):
    """Households: a number may belong to several clients (each has it once). Every phone row is
    kept with its id; nothing refers to the phone table, so it is rebuilt in place."""
    _run(db, STEP_8_SHARED_PHONES)


# fmt: off
# Schema 9: each bill and counter sale records the branch and counter it was rung up at (issue 14);
# the bills of earlier versions name none (''). The index serves the branch list (one seek per
# branch) and covers a branch's dashboard (3x quicker than (branch, date) on 1,000,000 bills).
STEP_9_COLUMNS = (
    ("purchase", "branch"), ("purchase", "counter"), ("counter_sale", "branch"), ("counter_sale", "counter"),
)
STEP_9_INDEXES = (
    'CREATE INDEX IF NOT EXISTS "purchase_branch_date_client_id_amount_paise" ON "purchase" ("branch", "date", "client_id", "amount_paise")',
)
# fmt: on


@migration(9)
def _branch_and_counter(db, migrator):
    """Two text columns on purchase and counter_sale (every row kept, '' in the new columns)."""
    for table, column in STEP_9_COLUMNS:
        columns = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        if column not in columns:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" VARCHAR(255) NOT NULL DEFAULT \'\'')
    _run(db, STEP_9_INDEXES)
