/// The small shop schema that `psqlui --temp` loads, so that completion,
/// `:describe` and exporters have something real to show. Tests use it too
/// (as the template database every integration test copies).
public enum DemoSchema {
    public static let sql = #"""
    CREATE TABLE customers (
        id          serial PRIMARY KEY,
        name        text NOT NULL,
        email       text UNIQUE,
        country     char(2) NOT NULL DEFAULT 'DE',
        created_at  timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE customers IS 'People who buy things';
    COMMENT ON COLUMN customers.email IS 'Unique contact address';

    CREATE TABLE products (
        id          serial PRIMARY KEY,
        sku         text NOT NULL UNIQUE,
        title       text NOT NULL,
        price       numeric(10,2) NOT NULL CHECK (price >= 0),
        tags        text[] NOT NULL DEFAULT '{}',
        attributes  jsonb
    );
    COMMENT ON TABLE products IS 'Things for sale';

    CREATE TABLE orders (
        id           serial PRIMARY KEY,
        customer_id  integer NOT NULL REFERENCES customers(id),
        status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new','paid','shipped','cancelled')),
        ordered_at   timestamptz NOT NULL DEFAULT now(),
        note         text
    );
    CREATE INDEX orders_customer_id_idx ON orders (customer_id);
    COMMENT ON TABLE orders IS 'One checkout by one customer';

    CREATE TABLE order_items (
        order_id    integer NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        product_id  integer NOT NULL REFERENCES products(id),
        quantity    integer NOT NULL CHECK (quantity > 0),
        unit_price  numeric(10,2) NOT NULL,
        PRIMARY KEY (order_id, product_id)
    );
    CREATE INDEX order_items_product_id_idx ON order_items (product_id);

    CREATE VIEW order_totals AS
        SELECT o.id AS order_id, o.customer_id, sum(i.quantity * i.unit_price) AS total
        FROM orders o JOIN order_items i ON i.order_id = o.id
        GROUP BY o.id, o.customer_id;

    CREATE FUNCTION customer_total(cid integer) RETURNS numeric
        LANGUAGE sql STABLE
        AS $$ SELECT coalesce(sum(total), 0) FROM order_totals WHERE customer_id = cid $$;

    INSERT INTO customers (name, email, country, created_at)
        SELECT 'Customer ' || g, 'customer' || g || '@example.com',
               (ARRAY['DE','FR','NL','GB','US'])[1 + g % 5],
               timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'
        FROM generate_series(1, 500) g;
    INSERT INTO products (sku, title, price, tags, attributes)
        SELECT 'SKU-' || lpad(g::text, 4, '0'), 'Product ' || g, (g % 97) + 0.99,
               ARRAY['tag' || (g % 7)], jsonb_build_object('weight', g % 13)
        FROM generate_series(1, 200) g;
    INSERT INTO orders (customer_id, status, ordered_at)
        SELECT 1 + g % 500, (ARRAY['new','paid','shipped','cancelled'])[1 + g % 4],
               timestamptz '2024-02-01 00:00:00+00' + g * interval '20 minutes'
        FROM generate_series(1, 2000) g;
    INSERT INTO order_items (order_id, product_id, quantity, unit_price)
        SELECT o, 1 + (o * 7 + k) % 200, 1 + (o + k) % 5, ((o * 7 + k) % 97) + 0.99
        FROM generate_series(1, 2000) o, generate_series(1, 2) k;
    ANALYZE;
    """#
}
