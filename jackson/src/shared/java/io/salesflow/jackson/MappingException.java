package io.salesflow.jackson;

/**
 * A JSON tree that does not map to the model, or a value the mapping cannot write. The message starts with the path
 * of the member at fault ({@code history[2].event.channel: ...}) and says what was expected.
 */
class MappingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  MappingException(String message) {
    super(message);
  }

  MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An event type id that is neither built in nor registered: the Jackson lines report it as an invalid type id. */
  static final class UnknownEventType extends MappingException {
    private static final long serialVersionUID = 1L;

    private final String typeId;

    UnknownEventType(String typeId, String message) {
      super(message);
      this.typeId = typeId;
    }

    String typeId() {
      return typeId;
    }
  }
}
