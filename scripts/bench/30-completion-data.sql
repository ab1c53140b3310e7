-- 10,000 tables × 10 columns for the completion benchmark (one transaction per
-- table: a single DO block runs out of lock slots).
SELECT format('CREATE TABLE %I (id int PRIMARY KEY, c1 text, c2 text, c3 int, c4 int, c5 date, c6 numeric, c7 text, c8 bool, c9 text)',
              (ARRAY['orders','customers','products','invoices','shipments','payments','accounts','events'])[1 + t % 8] || '_' || t)
FROM generate_series(0, 9999) AS t
\gexec
