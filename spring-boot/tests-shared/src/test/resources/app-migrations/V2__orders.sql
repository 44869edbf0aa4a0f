-- The application's own second migration.
CREATE TABLE app_orders (id VARCHAR(64) PRIMARY KEY, customer_id VARCHAR(64) NOT NULL REFERENCES app_customers (id));
