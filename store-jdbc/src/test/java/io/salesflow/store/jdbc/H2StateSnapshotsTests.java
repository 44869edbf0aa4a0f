package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Written and replayed state on an in-memory H2 database, whose text columns keep any character. */
class H2StateSnapshotsTests extends StateSnapshotsContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore.builder(h2).build();
    return h2;
  }

  @Test
  void keepsANulCharacterInText() {
    DataSource h2 = database();
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(h2).build()).build();
    engine.start("D-9", TestProcesses.ID);
    engine.fire("D-9", TestProcesses.event(0, Instant.EPOCH));
    engine.fire("D-9", TestProcesses.event(2, Instant.EPOCH)); // into 'presenting'
    SalesEvent objection = new SalesEvent.ObjectionRaised(Instant.EPOCH, SalesEvent.ObjectionCategory.NEED,
        "nul \u0000 here");

    assertThat(engine.fire("D-9", objection).isAccepted()).isTrue();
    assertThat(JdbcDealStore.builder(h2).build().find("D-9").orElseThrow().facts().openObjections().get(0).detail())
        .isEqualTo("nul \u0000 here");
  }
}
