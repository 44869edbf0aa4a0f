/**
 * Pictures of process definitions: {@link io.salesflow.diagram.ProcessDiagrams} writes any process as Mermaid
 * ({@code stateDiagram-v2}), PlantUML or Graphviz DOT, with guard labels on guarded transitions and outcome stages
 * styled apart.
 */
@NullMarked
package io.salesflow.diagram;

import org.jspecify.annotations.NullMarked;
