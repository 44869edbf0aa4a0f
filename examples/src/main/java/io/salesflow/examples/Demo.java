package io.salesflow.examples;

/** The README's demo command runs this. */
public final class Demo {
  private Demo() {}

  /** Runs every example in turn. */
  public static void main(String[] args) {
    System.out.println("== Quick start");
    QuickStart.main(args);
    System.out.println();
    System.out.println("== A custom process, end to end");
    CustomProcessExample.main(args);
    System.out.println();
    System.out.println("== Guards and what is blocking a deal");
    GuardsExample.main(args);
  }
}
