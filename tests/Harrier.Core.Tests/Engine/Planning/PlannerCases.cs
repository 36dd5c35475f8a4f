namespace Harrier.Core.Tests.Engine.Planning;

/// <summary>The planner table, by behaviour. Flows use short type names; runnables are Return tasks (the fake worker decides their state).</summary>
internal static class PlannerCases
{
    public static IReadOnlyDictionary<string, PlannerCase> All { get; } = new Dictionary<string, PlannerCase>(StringComparer.Ordinal)
    {
        ["Sequential_CreatesTheNextTaskOnlyAfterThePreviousOneEnded"] = new(
            """
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
              - {id: c, type: Return}
            """, "", "a | b | c", "a=SUCCESS b=SUCCESS c=SUCCESS", "SUCCESS"),
        ["Sequential_StopsAtTheFirstFailure"] = new(
            """
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
              - {id: c, type: Return}
            """, "b=FAILED", "a | b", "a=SUCCESS b=FAILED", "FAILED"),
        ["Sequential_EndsWarning_WhenATaskWarned"] = new(
            """
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
            """, "a=WARNING", "a | b", "a=WARNING b=SUCCESS", "WARNING"),
        ["Errors_RunAfterAFailure_AndTheExecutionStaysFailed"] = new(
            """
            tasks:
              - {id: a, type: Return}
              - {id: b, type: Return}
            errors:
              - {id: e1, type: Return}
              - {id: e2, type: Return}
            """, "a=FAILED", "a | e1 | e2", "a=FAILED e1=SUCCESS e2=SUCCESS", "FAILED"),
        ["Errors_DoNotRun_WhenNothingFailed"] = new(
            """
            tasks:
              - {id: a, type: Return}
            errors:
              - {id: e, type: Return}
            """, "", "a", "a=SUCCESS", "SUCCESS"),
        ["Finally_RunsAfterSuccess"] = new(
            """
            tasks:
              - {id: a, type: Return}
            finally:
              - {id: f, type: Return}
            """, "", "a | f", "a=SUCCESS f=SUCCESS", "SUCCESS"),
        ["Finally_RunsAfterFailureAndErrors"] = new(
            """
            tasks:
              - {id: a, type: Return}
            errors:
              - {id: e, type: Return}
            finally:
              - {id: f, type: Return}
            """, "a=FAILED", "a | e | f", "a=FAILED e=SUCCESS f=SUCCESS", "FAILED"),
        ["Finally_FailingFailsAnOtherwiseSuccessfulExecution"] = new(
            """
            tasks:
              - {id: a, type: Return}
            finally:
              - {id: f, type: Return}
            """, "f=FAILED", "a | f", "a=SUCCESS f=FAILED", "FAILED"),
        ["AllowFailure_OnAFlowable_TurnsItsFailureIntoWarning_AndTheFlowContinues"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                allowFailure: true
                tasks:
                  - {id: a, type: Return}
              - {id: b, type: Return}
            """, "a=FAILED", "s a | b", "s=WARNING a=FAILED b=SUCCESS", "WARNING"),
        ["AllowWarning_OnAFlowable_TurnsItsWarningIntoSuccess"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                allowWarning: true
                tasks:
                  - {id: a, type: Return}
            """, "a=WARNING", "s a", "s=SUCCESS a=WARNING", "SUCCESS"),
        ["AllowFailureAndAllowWarning_OnAFlowable_TurnAFailureIntoSuccess"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                allowFailure: true
                allowWarning: true
                tasks:
                  - {id: a, type: Return}
            """, "a=FAILED", "s a", "s=SUCCESS a=FAILED", "SUCCESS"),
        ["Disabled_CreatesNoTaskRunAtAll"] = new(
            """
            tasks:
              - {id: a, type: Return, disabled: true}
              - {id: b, type: Return}
            """, "", "b", "b=SUCCESS", "SUCCESS"),
        ["Disabled_Flowable_CreatesNoTaskRunForItOrItsChildren"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                disabled: true
                tasks:
                  - {id: a, type: Return}
              - {id: b, type: Return}
            """, "", "b", "b=SUCCESS", "SUCCESS"),
        ["RunIf_False_SkipsTheTask_AndTheFlowGoesOn"] = new(
            """
            tasks:
              - {id: a, type: Return, runIf: "{{ 1 == 2 }}"}
              - {id: b, type: Return}
            """, "", "a b", "a=SKIPPED b=SUCCESS", "SUCCESS"),
        ["RunIf_True_RunsTheTask"] = new(
            """
            tasks:
              - {id: a, type: Return, runIf: "{{ execution.id == 'ex1' }}"}
            """, "", "a", "a=SUCCESS", "SUCCESS"),
        ["RunIf_False_OnAFlowable_SkipsItsChildrenToo"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                runIf: "false"
                tasks:
                  - {id: a, type: Return}
            """, "", "s", "s=SKIPPED", "SUCCESS"),
        ["RunIf_ThatCannotBeEvaluated_FailsTheTask"] = new(
            """
            tasks:
              - {id: a, type: Return, runIf: "{{ nothing.here }}"}
              - {id: b, type: Return}
            """, "", "a", "a=FAILED", "FAILED"),
        ["RunIf_ThatCannotBeEvaluated_WithAllowFailure_Warns"] = new(
            """
            tasks:
              - {id: a, type: Return, runIf: "{{ nothing.here }}", allowFailure: true}
              - {id: b, type: Return}
            """, "", "a b", "a=WARNING b=SUCCESS", "WARNING"),
        ["Parallel_WithoutLimit_StartsEveryChildAtOnce"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
                  - {id: c, type: Return}
            """, "", "p a b c", "p=SUCCESS a=SUCCESS b=SUCCESS c=SUCCESS", "SUCCESS"),
        ["Parallel_WithConcurrent0_StartsEveryChildAtOnce"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                concurrent: 0
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
                  - {id: c, type: Return}
            """, "", "p a b c", "p=SUCCESS a=SUCCESS b=SUCCESS c=SUCCESS", "SUCCESS"),
        ["Parallel_WithConcurrent1_RunsOneChildAtATime"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                concurrent: 1
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
                  - {id: c, type: Return}
            """, "", "p a | b | c", "p=SUCCESS a=SUCCESS b=SUCCESS c=SUCCESS", "SUCCESS"),
        ["Parallel_WithConcurrent2_RunsTwoChildrenAtATime"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                concurrent: 2
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
                  - {id: c, type: Return}
            """, "", "p a b | c", "p=SUCCESS a=SUCCESS b=SUCCESS c=SUCCESS", "SUCCESS"),
        ["Parallel_AFailureStopsStartingNewChildren"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                concurrent: 2
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
                  - {id: c, type: Return}
              - {id: after, type: Return}
            """, "a=FAILED", "p a b", "p=FAILED a=FAILED b=SUCCESS", "FAILED"),
        ["Parallel_WaitsForEveryChild_AndRollsUpTheWorstState"] = new(
            """
            tasks:
              - id: p
                type: Parallel
                tasks:
                  - {id: a, type: Return}
                  - {id: b, type: Return}
              - {id: after, type: Return}
            """, "a=WARNING", "p a b | after", "p=WARNING a=WARNING b=SUCCESS after=SUCCESS", "WARNING"),
        ["If_RunsThen_WhenTheConditionIsTruthy"] = new(
            """
            tasks:
              - id: i
                type: If
                condition: "{{ 1 == 1 }}"
                then:
                  - {id: t, type: Return}
                else:
                  - {id: e, type: Return}
            """, "", "i t", "i=SUCCESS t=SUCCESS", "SUCCESS"),
        ["If_RunsElse_WhenTheConditionIsFalsy"] = new(
            """
            tasks:
              - id: i
                type: If
                condition: "{{ 'false' }}"
                then:
                  - {id: t, type: Return}
                else:
                  - {id: e1, type: Return}
                  - {id: e2, type: Return}
            """, "", "i e1 | e2", "i=SUCCESS e1=SUCCESS e2=SUCCESS", "SUCCESS"),
        ["If_WithoutElse_SucceedsWithoutChildren_WhenTheConditionIsFalsy"] = new(
            """
            tasks:
              - id: i
                type: If
                condition: "{{ 0 }}"
                then:
                  - {id: t, type: Return}
              - {id: b, type: Return}
            """, "", "i b", "i=SUCCESS b=SUCCESS", "SUCCESS"),
        ["If_FailsWithItsBranch"] = new(
            """
            tasks:
              - id: i
                type: If
                condition: "true"
                then:
                  - {id: t, type: Return}
            """, "t=FAILED", "i t", "i=FAILED t=FAILED", "FAILED"),
        ["If_WithAConditionThatCannotBeEvaluated_Fails"] = new(
            """
            tasks:
              - id: i
                type: If
                condition: "{{ missing }}"
                then:
                  - {id: t, type: Return}
            """, "", "i", "i=FAILED", "FAILED"),
        ["ForEach_RunsTheTasksOncePerValueOfAList_OneAtATimeByDefault"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b]
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[a] | x[b]", "each=SUCCESS x[a]=SUCCESS x[b]=SUCCESS", "SUCCESS"),
        ["ForEach_AcceptsAJsonListText"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: '["a", 2, true]'
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[a] | x[2] | x[true]", "each=SUCCESS x[a]=SUCCESS x[2]=SUCCESS x[true]=SUCCESS", "SUCCESS"),
        ["ForEach_AcceptsAnExpressionGivingAList"] = new(
            """
            variables:
              items: [p, q]
            tasks:
              - id: each
                type: ForEach
                values: "{{ vars.items }}"
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[p] | x[q]", "each=SUCCESS x[p]=SUCCESS x[q]=SUCCESS", "SUCCESS"),
        ["ForEach_WithAnEmptyList_Succeeds"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: []
                tasks:
                  - {id: x, type: Return}
            """, "", "each", "each=SUCCESS", "SUCCESS"),
        ["ForEach_WithValuesThatAreNotAList_Fails"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: not a list
                tasks:
                  - {id: x, type: Return}
            """, "", "each", "each=FAILED", "FAILED"),
        ["ForEach_WithConcurrencyLimit0_RunsEveryIterationAtOnce"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b, c]
                concurrencyLimit: 0
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[a] x[b] x[c]", "each=SUCCESS x[a]=SUCCESS x[b]=SUCCESS x[c]=SUCCESS", "SUCCESS"),
        ["ForEach_WithConcurrencyLimit2_RunsTwoIterationsAtATime"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b, c]
                concurrencyLimit: 2
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[a] x[b] | x[c]", "each=SUCCESS x[a]=SUCCESS x[b]=SUCCESS x[c]=SUCCESS", "SUCCESS"),
        ["ForEach_RunsTheTasksOfAnIterationInSequence"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b]
                tasks:
                  - {id: x, type: Return}
                  - {id: y, type: Return}
            """, "", "each x[a] | y[a] | x[b] | y[b]", "each=SUCCESS x[a]=SUCCESS y[a]=SUCCESS x[b]=SUCCESS y[b]=SUCCESS", "SUCCESS"),
        ["ForEach_AFailedIterationStopsStartingNewOnes"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b, c]
                tasks:
                  - {id: x, type: Return}
            """, "x[a]=FAILED", "each x[a]", "each=FAILED x[a]=FAILED", "FAILED"),
        ["ForEach_WithoutALimit_StartsEveryIteration_EvenWhenOneFailsWhileTheyAreStarted"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b, c]
                concurrencyLimit: 0
                tasks:
                  - id: check
                    type: If
                    condition: "{{ taskrun.value == 'a' ? undefined_variable : true }}"
                    then:
                      - {id: x, type: Return}
            """, "", "each check[a] check[b] x[b] check[c] x[c]",
            "each=FAILED check[a]=FAILED check[b]=SUCCESS x[b]=SUCCESS check[c]=SUCCESS x[c]=SUCCESS", "FAILED"),
        ["ForEach_RepeatedValues_AreSeparateIterations"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, a]
                concurrencyLimit: 0
                tasks:
                  - {id: x, type: Return}
            """, "", "each x[a] x[a]", "each=SUCCESS x[a]=SUCCESS x[a]=SUCCESS", "SUCCESS"),
        ["ForEach_Nested_RunsTheInnerLoopForEveryOuterValue"] = new(
            """
            tasks:
              - id: outer
                type: ForEach
                values: [a, b]
                tasks:
                  - id: inner
                    type: ForEach
                    values: '["{{ taskrun.value }}1", "{{ taskrun.value }}2"]'
                    concurrencyLimit: 0
                    tasks:
                      - {id: x, type: Return}
            """, "", "outer inner[a] x[a1] x[a2] | inner[b] x[b1] x[b2]",
            "outer=SUCCESS inner[a]=SUCCESS x[a1]=SUCCESS x[a2]=SUCCESS inner[b]=SUCCESS x[b1]=SUCCESS x[b2]=SUCCESS", "SUCCESS"),
        ["FlowableErrors_RunWhenAChildFails_AndTheFlowableStaysFailed"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                tasks:
                  - {id: a, type: Return}
                errors:
                  - {id: e, type: Return}
              - {id: b, type: Return}
            """, "a=FAILED", "s a | e", "s=FAILED a=FAILED e=SUCCESS", "FAILED"),
        ["FlowableFinally_RunsAfterTheChildren"] = new(
            """
            tasks:
              - id: s
                type: Sequential
                tasks:
                  - {id: a, type: Return}
                finally:
                  - {id: f, type: Return}
              - {id: b, type: Return}
            """, "", "s a | f | b", "s=SUCCESS a=SUCCESS f=SUCCESS b=SUCCESS", "SUCCESS"),
        ["FlowableErrorsAndFinally_OfAForEach_RunOnceAfterTheIterations"] = new(
            """
            tasks:
              - id: each
                type: ForEach
                values: [a, b]
                concurrencyLimit: 0
                tasks:
                  - {id: x, type: Return}
                errors:
                  - {id: e, type: Return}
                finally:
                  - {id: f, type: Return}
            """, "x[b]=FAILED", "each x[a] x[b] | e | f", "each=FAILED x[a]=SUCCESS x[b]=FAILED e=SUCCESS f=SUCCESS", "FAILED"),
    };

    public static TheoryData<string> Names() => [.. All.Keys];
}
