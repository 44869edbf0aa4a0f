-- The application's own first migration, in the tests of Flyway beside Salesflow's store.
CREATE TABLE app_customers (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL);
