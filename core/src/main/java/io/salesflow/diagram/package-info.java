/**
 * Pictures of process definitions: {@link io.salesflow.diagram.ProcessDiagrams} writes any process as Mermaid
 * ({@code stateDiagram-v2}), PlantUML or Graphviz DOT, with guard labels on guarded transitions and outcome stages
 * styled apart: complete (every transition an arrow) or, with {@link io.salesflow.diagram.ProcessDiagrams.Style},
 * readable at page width (top to bottom, internal events listed inside their stage).
 */
@NullMarked
package io.salesflow.diagram;

import org.jspecify.annotations.NullMarked;
