package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.salesflow.store.DealStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@link DealStoreContract}, extended as a user extends it for a store of their own, catches deliberately broken
 * stores. The contract classes for them are nested and run only when these tests launch them, so that a build that
 * selects every class does not report their failures as its own.
 */
class BrokenStoresAreCaughtTests {
  private static final String LAUNCHED_HERE = "salesflow.testkit.broken-store-contracts";

  @Test
  void theContractCatchesAStoreThatLosesUpdates() {
    Map<String, Throwable> failed = failedContractTests(LosingUpdatesContract.class);

    assertThat(failed).containsKeys("rejectsAStaleAppendAndWritesNothing",
        "letsExactlyOneOfConcurrentAppendsAtTheSameVersionWin");
    assertThat(failed.get("rejectsAStaleAppendAndWritesNothing")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting code to raise a throwable");
  }

  @Test
  void theContractCatchesAStoreThatWritesTheRecordButNotTheNewFacts() {
    assertThat(failedContractTests(WritingPartlyContract.class)).containsKey(
        "keepsEveryTransitionWithItsFullEventPayload");
  }

  @Test
  void theContractCatchesAStoreThatReadsTheHistoryBackInAnotherOrder() {
    assertThat(failedContractTests(ReorderingHistoryContract.class)).containsKey(
        "keepsEveryTransitionWithItsFullEventPayload");
  }

  @Test
  void theContractCatchesAStoreWhoseUncheckedCopyIsNotUpdatedOnWrite() {
    assertThat(failedContractTests(StaleCopyContract.class)).containsOnlyKeys(
        "givesNoUncheckedCopyOrOneEqualToTheStoredDeal");
  }

  @Test
  void theContractPassesTheCorrectStoreWrittenTheSameWay() {
    assertThat(failedContractTests(CorrectStoreContract.class)).isEmpty();
  }

  /** Runs a contract class with the JUnit Platform and returns its failed tests by method name. */
  private static Map<String, Throwable> failedContractTests(Class<? extends DealStoreContract> contract) {
    Map<String, Throwable> failed = new TreeMap<>();
    List<String> run = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract))
        .configurationParameter(LAUNCHED_HERE, "true").build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.getSource().orElse(null) instanceof MethodSource method) {
              run.add(method.getMethodName());
              if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.put(method.getMethodName(), result.getThrowable().orElse(null));
              }
            }
          }
        });
    assertThat(run).as("contract tests run on %s", contract.getSimpleName()).hasSizeGreaterThanOrEqualTo(10);
    return failed;
  }

  /** Disables a contract class unless {@link #failedContractTests} launched it. */
  static final class OnlyWhenLaunchedHere implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED_HERE).isPresent()
          ? ConditionEvaluationResult.enabled("launched by BrokenStoresAreCaughtTests")
          : ConditionEvaluationResult.disabled("a deliberately broken store; BrokenStoresAreCaughtTests runs it");
    }
  }

  /** The contract on a store where the last writer wins. */
  @ExtendWith(OnlyWhenLaunchedHere.class)
  static class LosingUpdatesContract extends DealStoreContract {
    @Override
    protected DealStore createStore() {
      return new BrokenStores.LosingUpdates();
    }
  }

  /** The contract on a store that writes a deal's record and stage but not its new facts. */
  @ExtendWith(OnlyWhenLaunchedHere.class)
  static class WritingPartlyContract extends DealStoreContract {
    @Override
    protected DealStore createStore() {
      return new BrokenStores.WritingPartly(DealStore.inMemory());
    }
  }

  /** The contract on a store that reads the events of a history back in another order. */
  @ExtendWith(OnlyWhenLaunchedHere.class)
  static class ReorderingHistoryContract extends DealStoreContract {
    @Override
    protected DealStore createStore() {
      return new BrokenStores.ReorderingHistory(DealStore.inMemory());
    }
  }

  /** The contract on a store whose unchecked copy is the deal as inserted, whatever was appended since. */
  @ExtendWith(OnlyWhenLaunchedHere.class)
  static class StaleCopyContract extends DealStoreContract {
    @Override
    protected DealStore createStore() {
      return new BrokenStores.StaleCopy(DealStore.inMemory());
    }
  }

  /** The contract on the in-memory store behind the same forwarding wrapper: it must pass. */
  @ExtendWith(OnlyWhenLaunchedHere.class)
  static class CorrectStoreContract extends DealStoreContract {
    @Override
    protected DealStore createStore() {
      return new Mutants.ForwardingStore(DealStore.inMemory());
    }
  }
}
