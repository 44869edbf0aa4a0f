package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.LibraryArchitectureTests;
import java.util.List;
import org.junit.jupiter.api.Test;


/** The JDBC store's main classes keep the architecture rules of every published Salesflow module. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(JdbcDealStore.class, "io.salesflow.store.jdbc");
  }

  @Test
  void publicApiIsTheStoreItsBuilderItsConnectionHookAndItsException() {
    List<String> api = classes.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getName).sorted().toList();
    assertThat(api).as("store-jdbc's public types; everything else stays package-private").containsExactly(
        JdbcDealStore.class.getName(), JdbcDealStore.Builder.class.getName(),
        JdbcDealStore.ConnectionProvider.class.getName(), JdbcStoreException.class.getName());
  }
}
