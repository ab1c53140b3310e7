-- :tables tables × 10 columns for the completion benchmark at scale, created in
-- batches of 500 per transaction (one DO block for all runs out of lock slots,
-- one transaction per table is slow). Run with psql -v tables=100000.
SELECT format($f$DO $b$ BEGIN
  FOR t IN %s..%s LOOP
    EXECUTE format('CREATE TABLE %%I (id int PRIMARY KEY, c1 text, c2 text, c3 int, c4 int, c5 date, c6 numeric, c7 text, c8 bool, c9 text)',
                   (ARRAY['orders','customers','products','invoices','shipments','payments','accounts','events'])[1 + t %% 8] || '_' || t);
  END LOOP;
END $b$$f$, s, least(s + 499, :tables - 1))
FROM generate_series(0, :tables - 1, 500) AS s
\gexec
