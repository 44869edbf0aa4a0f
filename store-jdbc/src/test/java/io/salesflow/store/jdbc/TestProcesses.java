package io.salesflow.store.jdbc;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import java.time.Instant;

/** A small process that keeps deals moving: stages to go back and forth between, and internal transitions. */
final class TestProcesses {
  static final String ID = "busy-pipeline";

  private TestProcesses() {}

  static SalesProcess busyPipeline() {
    return SalesProcess.builder(ID)
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("working", "Working"))
        .stage(Stage.open("presenting", "Presenting"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .transition("new", EventType.CONTACT_MADE, "working")
        .internal("working", EventType.FOLLOW_UP_LOGGED)
        .transition("working", EventType.PRESENTATION_DELIVERED, "presenting")
        .internal("presenting", EventType.OBJECTION_RAISED)
        .transition("presenting", EventType.CONTACT_MADE, "working")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("working", EventType.CLOSED_LOST, "lost")
        .transition("presenting", EventType.CLOSED_LOST, "lost")
        .transition("presenting", EventType.CLOSED_WON, "won")
        .build();
  }

  /**
   * Version 2 of {@link #busyPipeline()}: working is called qualifying, and presenting needs an amount to enter (deals
   * moved there anyway get the exception recorded).
   */
  static SalesProcess version2() {
    return busyPipeline().toBuilder()
        .version(2)
        .removeStage("working")
        .stageAfter("new", Stage.open("qualifying", "Qualifying"))
        .replaceStage(Stage.builder().id("presenting").name("Presenting").kind(io.salesflow.StageKind.OPEN)
            .addRequiredToEnter("amount").build())
        .transition("new", EventType.CONTACT_MADE, "qualifying")
        .internal("qualifying", EventType.FOLLOW_UP_LOGGED)
        .internal("qualifying", EventType.PROPOSAL_SENT)
        .transition("qualifying", EventType.PRESENTATION_DELIVERED, "presenting")
        .transition("presenting", EventType.CONTACT_MADE, "qualifying")
        .transition("qualifying", EventType.CLOSED_LOST, "lost")
        .build();
  }

  /** The plan from {@link #busyPipeline()} to {@link #version2()}: working becomes qualifying. */
  static SalesProcess.MigrationPlan plan() {
    return SalesProcess.MigrationPlan.builder(busyPipeline(), version2()).map("working", "qualifying")
        .missingFields(SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION).build();
  }

  /** One of four events that the process accepts in some stages and rejects in others; {@code at} makes it unique. */
  static SalesEvent event(int kind, Instant at) {
    switch (kind % 4) {
      case 0:
        return new SalesEvent.ContactMade(at, ContactChannel.PHONE);
      case 1:
        return new SalesEvent.FollowUpLogged(at, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE);
      case 2:
        return new SalesEvent.PresentationDelivered(at);
      default:
        return new SalesEvent.ObjectionRaised(at, ObjectionCategory.PRICE, "at " + at);
    }
  }
}
