import { AppShell, Burger, Button, Center, Group, Loader, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { authKeys } from "@/features/auth/api/me.ts";
import { useOverdueTasks } from "@/features/plans/api/plans.ts";
import { AuditPage } from "../features/audit/components/audit-page.tsx";
import { useMe } from "../features/auth/api/me.ts";
import { AccountPage } from "../features/auth/components/account-page.tsx";
import { LoginPage } from "../features/auth/components/login-page.tsx";
import { CalendarPage } from "../features/calendar/components/calendar-page.tsx";
import { DocumentsPage } from "../features/documents/components/documents-page.tsx";
import { DraftPage } from "../features/drafts/components/draft-page.tsx";
import { DraftsPage } from "../features/drafts/components/drafts-page.tsx";
import { EvaluationPage } from "../features/evaluations/components/evaluation-page.tsx";
import { EvaluationsPage } from "../features/evaluations/components/evaluations-page.tsx";
import { FormsPage } from "../features/forms/components/forms-page.tsx";
import { IndicatorsPage } from "../features/indicators/components/indicators-page.tsx";
import { LegalRulesPage } from "../features/letters/components/legal-rules-page.tsx";
import { LetterPage } from "../features/letters/components/letter-page.tsx";
import { LettersPage } from "../features/letters/components/letters-page.tsx";
import { OnlineLetterPage } from "../features/letters/components/online-letter-page.tsx";
import { PublicLetterPage } from "../features/letters/components/public-letter-page.tsx";
import { ModelPage } from "../features/models/components/model-page.tsx";
import { ModelsPage } from "../features/models/components/models-page.tsx";
import { ShowcasePage } from "../features/models/components/showcase-page.tsx";
import { PlanPage } from "../features/plans/components/plan-page.tsx";
import { PlansPage } from "../features/plans/components/plans-page.tsx";
import { PublicPlanPage } from "../features/plans/components/public-plan-page.tsx";
import { PublicSchedulePage } from "../features/reception/components/public-schedule-page.tsx";
import { ReceptionPage } from "../features/reception/components/reception-page.tsx";
import { RegistryPage } from "../features/registry/components/registry-page.tsx";
import { useReminders } from "../features/reporting/components/reminder-list.tsx";
import { ReportsPage } from "../features/reporting/components/reports-page.tsx";
import { UnitPage } from "../features/units/components/unit-page.tsx";
import { UnitsPage } from "../features/units/components/units-page.tsx";
import { UsersPage } from "../features/users/components/users-page.tsx";
import { call, client } from "../lib/api.ts";
import { toggleLanguage } from "../lib/i18n.ts";
import { clearLocalDrafts } from "../lib/local-draft.ts";

// the report pages load with the rich-text editor they use
const RequestPage = lazy(() =>
  import("../features/reporting/components/request-page.tsx").then((m) => ({ default: m.RequestPage })),
);

const SubmissionPage = lazy(() =>
  import("../features/reporting/components/submission-page.tsx").then((m) => ({ default: m.SubmissionPage })),
);
// the charts library loads only with the pages that draw charts
const DashboardPage = lazy(() =>
  import("../features/reporting/components/dashboard-page.tsx").then((m) => ({ default: m.DashboardPage })),
);

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const reminders = useReminders(Boolean(me.data));
  const overdueTasks = useOverdueTasks(Boolean(me.data));
  // a plan's public page and a province's showcase of models need no sign-in
  if (location.pathname.startsWith("/public/")) {
    return (
      <Routes>
        <Route path="/public/plans/:token" element={<PublicPlanPage />} />
        <Route path="/public/models/:province" element={<ShowcasePage />} />
        <Route path="/public/letters" element={<PublicLetterPage />} />
        <Route path="/public/letters/new" element={<OnlineLetterPage />} />
        <Route path="/public/reception/:unit" element={<PublicSchedulePage />} />
      </Routes>
    );
  }
  if (me.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me.data) return <LoginPage />;
  const can = (p: string) => me.data?.permissions.includes(p) ?? false;
  // the unit the user works in (their first grant with a unit); pages open on it
  const ownUnit = me.data.grants.find((g) => g.unitCode)?.unitCode ?? "";
  const logout = async () => {
    await call(client.POST("/api/auth/logout"));
    clearLocalDrafts();
    qc.clear();
    await qc.invalidateQueries({ queryKey: authKeys.me() });
  };
  const nav = [
    {
      to: "/reports",
      label: reminders.data?.items.length
        ? `${t("reports.nav")} (${reminders.data.items.length})`
        : t("reports.nav"),
      show: true,
    },
    { to: "/dashboard", label: t("dashboard.nav"), show: true },
    { to: "/units", label: t("units"), show: true },
    { to: "/users", label: t("users"), show: can("user.manage") },
    { to: "/audit", label: t("audit"), show: can("audit.read") },
    { to: "/indicators", label: t("indicators"), show: true },
    { to: "/forms", label: t("forms.nav"), show: true },
    { to: "/drafts", label: t("drafts.nav"), show: true },
    { to: "/documents", label: t("documents.nav"), show: true },
    { to: "/registry", label: t("registry.nav"), show: true },
    {
      to: "/plans",
      label: overdueTasks.data?.items.length
        ? `${t("plans.nav")} (${overdueTasks.data.items.length})`
        : t("plans.nav"),
      show: true,
    },
    { to: "/models", label: t("models.nav"), show: true },
    { to: "/evaluations", label: t("evaluations.nav"), show: true },
    { to: "/reception", label: t("reception.nav"), show: true },
    { to: "/letters", label: t("letters.nav"), show: true },
    { to: "/legal-rules", label: t("legalRules.nav"), show: true },
    { to: "/calendar", label: t("calendar"), show: true },
    { to: "/account", label: t("account"), show: true },
  ];
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        {/* the first stop of the Tab key: straight to the page's content, past the menu */}
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("menu")} />
            <Title order={4}>
              danvan
              <Text span inherit visibleFrom="sm">
                {" "}
                · {t("app")}
              </Text>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {me.data.user.displayName}
            </Text>
            <Button variant="subtle" size="xs" onClick={toggleLanguage}>
              {t("language")}
            </Button>
            <Button variant="light" size="xs" onClick={logout}>
              {t("logout")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {nav
          .filter((n) => n.show)
          .map((n) => (
            <NavLink
              key={n.to}
              component={Link}
              to={n.to}
              label={n.label}
              active={location.pathname.startsWith(n.to)}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/reports" replace />} />
          <Route
            path="/reports"
            element={<ReportsPage canRequest={can("report.request")} defaultIssuer={ownUnit} />}
          />
          <Route
            path="/requests/:id"
            element={
              <Suspense fallback={<Loader />}>
                <RequestPage />
              </Suspense>
            }
          />
          <Route
            path="/dashboard"
            element={
              <Suspense fallback={<Loader />}>
                <DashboardPage defaultUnit={ownUnit} />
              </Suspense>
            }
          />
          <Route
            path="/submissions/:id"
            element={
              <Suspense fallback={<Loader />}>
                <SubmissionPage />
              </Suspense>
            }
          />
          <Route path="/units" element={<UnitsPage />} />
          <Route path="/units/:code" element={<UnitPage me={me.data} />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/indicators" element={<IndicatorsPage canManage={can("indicator.manage")} />} />
          <Route path="/forms" element={<FormsPage canManage={can("form.manage")} />} />
          <Route path="/plans" element={<PlansPage canManage={can("plan.manage")} defaultUnit={ownUnit} />} />
          <Route path="/plans/:id" element={<PlanPage />} />
          <Route
            path="/models"
            element={
              <ModelsPage
                canRegister={can("model.register")}
                canIssueCriteria={can("evaluation.manage")}
                defaultUnit={ownUnit}
              />
            }
          />
          <Route path="/models/:id" element={<ModelPage />} />
          <Route
            path="/evaluations"
            element={<EvaluationsPage canManage={can("evaluation.manage")} defaultUnit={ownUnit} />}
          />
          <Route path="/evaluations/:id" element={<EvaluationPage />} />
          <Route
            path="/letters"
            element={<LettersPage canHandle={can("letter.handle")} defaultUnit={ownUnit} />}
          />
          <Route path="/letters/:id" element={<LetterPage />} />
          <Route
            path="/legal-rules"
            element={<LegalRulesPage canManage={can("legal_rule.manage")} defaultUnit={ownUnit} />}
          />
          <Route
            path="/reception"
            element={<ReceptionPage canHandle={can("letter.handle")} defaultUnit={ownUnit} />}
          />
          <Route
            path="/registry"
            element={<RegistryPage canRegister={can("document.register")} defaultUnit={ownUnit} />}
          />
          <Route
            path="/documents"
            element={
              <DocumentsPage
                canNumber={can("document.number")}
                canManageBodies={can("body.write")}
                defaultUnit={ownUnit}
              />
            }
          />
          <Route
            path="/drafts"
            element={<DraftsPage canDraft={can("document.register")} defaultUnit={ownUnit} />}
          />
          <Route path="/drafts/:id" element={<DraftPage canDraft={can("document.register")} />} />
          <Route path="/calendar" element={<CalendarPage canManage={can("calendar.manage")} />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="*" element={<Navigate to="/units" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
