package io.salesflow.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the rows {@link LegacyDeals} leaves in a store's tables as portable SQL inserts, one statement a line, for
 * the migration tests: {@code java ... LegacyFixtureWriter <file> "<which release and schema version>"}. Run it on
 * the release whose rows the fixture should hold.
 */
final class LegacyFixtureWriter {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  private LegacyFixtureWriter() {}

  public static void main(String[] args) throws Exception {
    DataSource h2 = JdbcTestSupport.newH2();
    LegacyDeals.play(JdbcDealStore.builder(h2).build());
    List<String> lines = new ArrayList<>();
    lines.add("-- " + args[1]); // which release wrote the rows, and at which schema version
    lines.add("-- for the deals of LegacyDeals. Made by LegacyFixtureWriter; do not edit.");
    try (Connection c = h2.getConnection()) {
      dump(c, "salesflow_deals", "id", lines);
      dump(c, "salesflow_transitions", "deal_id, version", lines);
    }
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }

  private static void dump(Connection c, String table, String order, List<String> lines) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY " + order);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.add(literal(rs, i, meta.getColumnType(i)));
        }
        lines.add("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
            + String.join(", ", values) + ");");
      }
    }
  }

  private static String literal(ResultSet rs, int column, int type) throws SQLException {
    switch (type) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? "NULL"
            : "TIMESTAMP WITH TIME ZONE '" + TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC)) + "'";
      }
      case Types.BIGINT, Types.INTEGER -> {
        return String.valueOf(rs.getLong(column));
      }
      case Types.BOOLEAN -> {
        return rs.getBoolean(column) ? "TRUE" : "FALSE";
      }
      default -> {
        String text = rs.getString(column);
        if (text == null) {
          return "NULL";
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
          throw new IllegalStateException("a line break or NUL in a text column cannot go on one line: " + text);
        }
        return "'" + text.replace("'", "''") + "'";
      }
    }
  }

  /** Loads a file this class wrote into a database at schema version 2. */
  static void load(DataSource database, String resource) {
    List<String> statements = new ArrayList<>();
    try (var in = LegacyFixtureWriter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("--")) {
          statements.add(line.substring(0, line.lastIndexOf(';')));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = database.getConnection(); var s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
