package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelSetTests {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void sharesOneSetPerCombinationBetweenTheFactsOfDifferentDeals() {
    DealFacts one = DealFacts.builder().build().apply(new SalesEvent.ContactMade(NOW, ContactChannel.PHONE));
    DealFacts other = DealFacts.builder().build().apply(new SalesEvent.ContactMade(NOW, ContactChannel.PHONE));
    DealFacts built = DealFacts.builder().addContactChannels(ContactChannel.PHONE).build();

    assertThat(one.contactChannels()).isSameAs(other.contactChannels()).isSameAs(built.contactChannels());
  }

  @Test
  void keepsTheFactsWhenAContactAddsAChannelAlreadyThere() {
    DealFacts once = DealFacts.builder().build().apply(new SalesEvent.ContactMade(NOW, ContactChannel.EMAIL));
    DealFacts again = once.apply(new SalesEvent.FollowUpLogged(NOW, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE));

    assertThat(again.contactChannels()).isSameAs(once.contactChannels()).containsExactly(ContactChannel.EMAIL);
  }

  @Test
  void holdsEveryCombinationInTheOrderTheChannelsAreDeclaredLikeAnEnumSet() {
    ContactChannel[] all = ContactChannel.values();
    for (int bits = 0; bits < 1 << all.length; bits++) {
      EnumSet<ContactChannel> expected = EnumSet.noneOf(ContactChannel.class);
      List<ContactChannel> added = new ArrayList<>();
      for (int i = all.length - 1; i >= 0; i--) { // added in reverse, read back in declaration order
        if ((bits & 1 << i) != 0) {
          expected.add(all[i]);
          added.add(all[i]);
        }
      }
      ChannelSet set = ChannelSet.of(added);

      assertThat(set).containsExactlyElementsOf(expected).hasSize(expected.size());
      assertThat(set).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(expected).isEqualTo(set);
      assertThat(set.toString()).isEqualTo(expected.toString());
      assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
      for (ContactChannel channel : all) {
        assertThat(set.contains(channel)).as("%s in %s", channel, expected).isEqualTo(expected.contains(channel));
        assertThat(set.with(channel)).isSameAs(ChannelSet.of(union(expected, channel)));
      }
    }
  }

  @Test
  void containsNothingButChannels() {
    ChannelSet set = ChannelSet.of(EnumSet.allOf(ContactChannel.class));

    assertThat(set.contains(null)).isFalse();
    assertThat(set.contains("PHONE")).isFalse();
    assertThat(ChannelSet.none()).isEmpty();
  }

  @Test
  void refusesANullChannel() {
    assertThatThrownBy(() -> ChannelSet.of(Arrays.asList(ContactChannel.PHONE, null)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("contactChannels");
  }

  @Test
  void refusesEveryChangeEvenOneThatWouldChangeNothing() {
    Set<ContactChannel> set = DealFacts.builder().addContactChannels(ContactChannel.PHONE).build().contactChannels();

    assertThatThrownBy(() -> set.add(ContactChannel.EMAIL)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.remove(ContactChannel.PHONE)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.addAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.removeAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.retainAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.removeIf(c -> false)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(set::clear).isInstanceOf(UnsupportedOperationException.class);
    Iterator<ContactChannel> iterator = set.iterator();
    iterator.next();
    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    assertThat(set).containsExactly(ContactChannel.PHONE);
  }

  @Test
  void readsBackEqualFactsWhateverSetTheyWereBuiltFrom() {
    DealFacts fromEnumSet = DealFacts.builder()
        .contactChannels(EnumSet.of(ContactChannel.EMAIL, ContactChannel.PHONE)).build();
    DealFacts fromList = DealFacts.builder()
        .contactChannels(Collections.unmodifiableList(List.of(ContactChannel.PHONE, ContactChannel.EMAIL))).build();

    assertThat(fromEnumSet).isEqualTo(fromList).hasSameHashCodeAs(fromList);
    assertThat(fromEnumSet.toString()).isEqualTo(fromList.toString());
  }

  private static Set<ContactChannel> union(Set<ContactChannel> set, ContactChannel channel) {
    EnumSet<ContactChannel> union = EnumSet.noneOf(ContactChannel.class);
    union.addAll(set);
    union.add(channel);
    return union;
  }
}
