package io.salesflow;

import static io.salesflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.InvalidProcessException.Problem;
import io.salesflow.SalesProcess.MigrationPlan;
import io.salesflow.SalesProcess.MigrationPlan.MissingFields;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions of a process, migration plans between them, and who did what on the model's side. */
class ProcessVersionsTests {
  static final SalesProcess V1 = Fixtures.demoProcess();
  /** Version 2: negotiation is now called proposal and needs an amount; lead is split into new and qualifying. */
  static final SalesProcess V2 = SalesProcess.builder("inbound-demo")
      .version(2)
      .stage(Stage.open("new", "New"))
      .stage(Stage.open("qualifying", "Qualifying"))
      .stage(Stage.open("demo", "Demo"))
      .stage(Stage.builder().id("proposal").name("Proposal").kind(StageKind.OPEN).addRequiredToEnter("amount")
          .build())
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .stage(Stage.open("nurture", "Nurture"))
      .initialStage("new")
      .transition("new", EventType.CONTACT_MADE, "qualifying")
      .transition("qualifying", EventType.QUALIFICATION_ASSESSED, "demo")
      .transition("demo", EventType.PROPOSAL_SENT, "proposal")
      .transition("proposal", EventType.CLOSED_WON, "won")
      .transition("nurture", EventType.CONTACT_MADE, "qualifying")
      .transition("new", EventType.CLOSED_LOST, "lost")
      .transition("qualifying", EventType.CLOSED_LOST, "lost")
      .transition("demo", EventType.CLOSED_LOST, "lost")
      .transition("proposal", EventType.CLOSED_LOST, "lost")
      .transition("qualifying", EventType.FOLLOW_UP_LOGGED, "nurture")
      .build();

  @Test
  void aProcessIsVersionOneUnlessToldAndToBuilderKeepsItsVersion() {
    assertThat(V1.version()).isEqualTo(1);
    assertThat(V2.version()).isEqualTo(2);
    assertThat(V2.toBuilder().build().version()).isEqualTo(2);
    assertThat(V1.toBuilder().version(3).build().version()).isEqualTo(3);
    assertThat(V2.toString()).contains("inbound-demo v2");
    assertThatThrownBy(() -> SalesProcess.builder("p").version(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version of process 'p' must be at least 1, but was 0");
  }

  @Test
  void aNewVersionGrowsAStageInPlaceAndDropsAnotherWithItsTransitions() {
    SalesProcess grown = V1.toBuilder().version(2)
        .stageAfter("demo", Stage.open("trial", "Trial"))
        .transition("demo", EventType.CONTACT_MADE, "trial")
        .transition("trial", EventType.PRESENTATION_DELIVERED, "negotiation")
        .transition("trial", EventType.CLOSED_LOST, "lost")
        .build();
    SalesProcess shrunk = grown.toBuilder().version(3).removeStage("trial").build();

    assertThat(grown.stages()).extracting(Stage::id).containsExactly("lead", "demo", "trial", "negotiation", "won",
        "lost");
    assertThat(shrunk.stages()).extracting(Stage::id).doesNotContain("trial");
    assertThat(shrunk.transitions()).noneMatch(t -> t.source().equals("trial") || t.target().equals("trial"));
    assertThat(shrunk.transitions()).hasSize(V1.transitions().size());
    assertThatThrownBy(() -> V1.toBuilder().stageAfter("nowhere", Stage.open("x", "X")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stage 'nowhere' to add 'x' after");
    assertThatThrownBy(() -> V1.toBuilder().stageAfter("lead", Stage.open("demo", "Demo")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a stage 'demo'");
    assertThatThrownBy(() -> V1.toBuilder().removeStage("nowhere")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no stage 'nowhere' to remove");
  }

  @Test
  void mapsStagesWithTheSameIdUnlessToldAndTheOthersAsMapped() {
    MigrationPlan plan = MigrationPlan.builder(V1, V2).map("lead", "qualifying").map("negotiation", "proposal")
        .build();

    assertThat(plan.stageMapping()).containsExactly(Map.entry("lead", "qualifying"), Map.entry("demo", "demo"),
        Map.entry("negotiation", "proposal"), Map.entry("won", "won"), Map.entry("lost", "lost"));
    assertThat(plan.targetStage("negotiation")).isEqualTo("proposal");
    assertThat(plan.processId()).isEqualTo("inbound-demo");
    assertThat(List.of(plan.fromVersion(), plan.toVersion())).containsExactly(1, 2);
    assertThat(plan.missingFields()).isEqualTo(MissingFields.REFUSE);
    assertThatThrownBy(() -> plan.targetStage("nowhere")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 1 of process 'inbound-demo' has no stage 'nowhere'");
  }

  @Test
  void refusesAPlanThatLeavesAStageUnmappedNamingTheStage() {
    assertThatThrownBy(() -> MigrationPlan.builder(V1, V2).map("lead", "qualifying").build())
        .isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("migration plan from version 1 to version 2 of process 'inbound-demo' is invalid")
        .hasMessageContaining("stage 'negotiation' has no stage of that id in version 2")
        .hasMessageContaining("map(\"negotiation\", ...)")
        .satisfies(e -> assertThat(((InvalidProcessException) e).problems()).extracting(Problem::rule)
            .containsExactly(Problem.Rule.UNMAPPED_STAGE));
  }

  @Test
  void listsEveryProblemOfAPlanAtOnce() {
    SalesProcess v3 = V2.toBuilder().version(3).build();
    SalesProcess other = SalesProcess.builder("other").version(2).stage(Stage.open("a", "A"))
        .stage(Stage.won("won", "Won")).initialStage("a").transition("a", EventType.CLOSED_WON, "won").build();

    InvalidProcessException invalid = catchInvalid(() -> MigrationPlan.builder(V1, v3)
        .map("lead", "nowhere")             // unknown target
        .map("ghost", "demo")               // unknown source
        .map("lost", "nurture")             // reopens without saying so
        .reopen("won", "won")               // says it reopens, but does not
        .build());

    assertThat(invalid.problems()).extracting(Problem::rule).containsExactly(Problem.Rule.MIGRATION_VERSIONS,
        Problem.Rule.UNKNOWN_STAGE, Problem.Rule.UNKNOWN_STAGE, Problem.Rule.UNMAPPED_STAGE,
        Problem.Rule.TERMINAL_STAGE_REOPENED, Problem.Rule.TERMINAL_STAGE_REOPENED);
    assertThat(invalid.getMessage()).contains("(6 problems)", "to the next version, 2", "stage 'nowhere'",
        "maps stage 'ghost'", "stage 'negotiation' has no stage", "reopen(\"lost\", \"nurture\")",
        "reopen(\"won\", \"won\") reopens nothing");
    assertThat(catchInvalid(() -> MigrationPlan.builder(V1, other).build()).getMessage())
        .contains("from 'inbound-demo' to 'other'");
  }

  @Test
  void reopensClosedDealsOnlyWhenToldAndRefusesAStageMappedTwice() {
    MigrationPlan plan = MigrationPlan.builder(V1, V2).map("lead", "new").map("negotiation", "proposal")
        .reopen("lost", "nurture").build();

    assertThat(plan.targetStage("lost")).isEqualTo("nurture");
    assertThat(plan.reopens("lost")).isTrue();
    assertThat(plan.reopens("won")).isFalse();
    assertThatThrownBy(() -> MigrationPlan.builder(V1, V2).map("lead", "new").map("lead", "qualifying"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage 'lead' is already mapped to 'new'");
  }

  @Test
  void changesFactsAndSaysWhichRequiredFieldsADealWouldMiss() {
    MigrationPlan plan = MigrationPlan.builder(V1, V2).map("lead", "new").map("negotiation", "proposal")
        .facts(facts -> facts.toBuilder().putAttributes("migrated", "yes").build())
        .missingFields(MissingFields.MOVE_WITH_EXCEPTION).build();
    DealFacts none = DealFacts.none();

    assertThat(plan.migrateFacts(none).attributes()).containsEntry("migrated", "yes");
    assertThat(plan.unmetRequirements("proposal", none)).containsExactly(
        "amount: required but not set, to enter 'proposal'");
    assertThat(plan.unmetRequirements("proposal", none.toBuilder().amount(BigDecimal.TEN).build())).isEmpty();
    assertThat(plan.unmetRequirements("demo", none)).isEmpty();
    assertThat(plan.missingFields()).isEqualTo(MissingFields.MOVE_WITH_EXCEPTION);
    MigrationPlan nullFacts = MigrationPlan.builder(V1, V2).map("lead", "new").map("negotiation", "proposal")
        .facts(facts -> null).build();
    assertThatThrownBy(() -> nullFacts.migrateFacts(none)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("facts change returned null");
  }

  @Test
  void noTransitionMayFireOnAnAdministrativeEvent() {
    assertThat(EventType.STAGE_OVERRIDDEN.isAdministrative()).isTrue();
    assertThat(EventType.DEAL_MIGRATED.isAdministrative()).isTrue();
    assertThat(EventType.OWNER_ASSIGNED.isAdministrative()).isTrue();
    assertThat(EventType.CLOSED_WON.isAdministrative()).isFalse();
    assertThat(EventType.custom("webinar").isAdministrative()).isFalse();
    assertThat(EventType.builtIn()).contains(EventType.STAGE_OVERRIDDEN, EventType.DEAL_MIGRATED,
        EventType.OWNER_ASSIGNED);
    assertThatThrownBy(() -> SalesProcess.builder("p").transition("a", EventType.STAGE_OVERRIDDEN, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("administrative event 'stage-overridden'").hasMessageContaining("DealEngine.override");
    assertThatThrownBy(() -> SalesProcess.builder("p").internal("a", EventType.OWNER_ASSIGNED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'owner-assigned'");
    assertThatThrownBy(() -> EventType.custom("deal-migrated")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void administrativeEventsChangeNoFactAndCheckTheirPayloads() {
    DealFacts facts = DealFacts.builder().source("web").build();

    assertThat(facts.apply(new SalesEvent.StageOverridden(T0, "asked by the CFO", true))).isEqualTo(facts);
    assertThat(facts.apply(new SalesEvent.DealMigrated(T0, 1, 2, "new process", List.of()))).isEqualTo(facts);
    assertThat(facts.apply(new SalesEvent.OwnerAssigned(T0, "ann", null))).isEqualTo(facts);
    assertThatThrownBy(() -> new SalesEvent.StageOverridden(T0, " ", false)).hasMessageContaining("reason");
    assertThatThrownBy(() -> new SalesEvent.DealMigrated(T0, 1, 3, "skip", List.of()))
        .hasMessageContaining("goes from 1 to 3");
    assertThatThrownBy(() -> new SalesEvent.DealMigrated(T0, 0, 1, "zero", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SalesEvent.OwnerAssigned(T0, "ann", "")).hasMessageContaining("previous owner");
  }

  @Test
  void recordsKeepTheirActorAndHistoryKeepsActorsAndKeysApart() {
    TransitionRecord byAnn = new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(T0), T0,
        false, null, "rep-ann");
    TransitionRecord keyedByBob = new TransitionRecord(2, "demo", "demo",
        new SalesEvent.OwnerAssigned(T0, "bob", null), T0, true, "req-1", "manager-max");
    TransitionRecord anonymous = new TransitionRecord(3, "demo", "negotiation",
        new SalesEvent.PresentationDelivered(T0), T0, false);

    TransitionHistory history = TransitionHistory.of(List.of(byAnn, keyedByBob, anonymous));

    assertThat(history.asList()).containsExactly(byAnn, keyedByBob, anonymous);
    assertThat(history.asList()).extracting(TransitionRecord::actor).containsExactly("rep-ann", "manager-max", null);
    assertThat(history.withIdempotencyKey("req-1")).contains(keyedByBob);
    assertThat(history.withIdempotencyKey("rep-ann")).as("an actor is no key").isEmpty();
    assertThat(anonymous.toString()).contains("by unknown");
    assertThat(byAnn.toString()).contains("by rep-ann");
    assertThat(keyedByBob.administrative()).isTrue();
    assertThat(byAnn.administrative()).isFalse();
    assertThatThrownBy(() -> new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(T0), T0, false,
        null, " ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
  }

  @Test
  void aDealRunsOnVersionOneUnlessToldAndKeepsItsOwnerAndVersionAsItAdvances() {
    Deal plain = Fixtures.deal("lead", DealFacts.none());
    Deal owned = plain.toBuilder().processVersion(2).owner("rep-ann").startedBy("web-form").build();

    Deal advanced = owned.advance(new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(T0),
        T0, false), DealFacts.none());

    assertThat(plain.processVersion()).isEqualTo(1);
    assertThat(plain.owner()).isNull();
    assertThat(plain.startedBy()).isNull();
    assertThat(List.of(advanced.processVersion(), advanced.owner(), advanced.startedBy()))
        .containsExactly(2, "rep-ann", "web-form");
    assertThat(advanced.toString()).contains("inbound-demo v2", "owner=rep-ann");
    assertThatThrownBy(() -> plain.toBuilder().processVersion(0).build())
        .hasMessageContaining("process versions start at 1");
    assertThatThrownBy(() -> plain.toBuilder().owner(" ").build()).hasMessageContaining("owner");
    assertThatThrownBy(() -> V2.explain(plain, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs on version 1 of process 'inbound-demo', not on version 2");
  }

  private static InvalidProcessException catchInvalid(Runnable build) {
    try {
      build.run();
    } catch (InvalidProcessException e) {
      return e;
    }
    throw new AssertionError("the plan was built");
  }
}
