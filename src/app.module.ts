import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { APP_FILTER } from '@nestjs/core';
import { ConfigurationModule } from './common/configuration/configuration.module';
import { DatabaseModule } from './common/database/database.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { LifecycleModule } from './common/lifecycle/lifecycle.module';
import { LoggingModule } from './common/logging/logging.module';
import { SecurityModule } from './common/security/security.module';
import { AccessContextModule } from './modules/access/access-context.module';
import { AccessModule } from './modules/access/access.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { SelfServiceModule } from './modules/self-service/self-service.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { HealthModule } from './modules/health/health.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ScenarioModule } from './modules/scenario/scenario.module';
import { LocationsModule } from './modules/locations/locations.module';
import { LanguageProvidersModule } from './modules/language-providers/language-providers.module';
import { ParticipantsModule } from './modules/participants/participants.module';
import { StaffModule } from './modules/staff/staff.module';
import { TransportModule } from './modules/transport/transport.module';
import { ChildcareModule } from './modules/childcare/childcare.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { PlansModule } from './modules/plans/plans.module';
import { RoutesModule } from './modules/routes/routes.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';
import { TravelModule } from './modules/travel/travel.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { MessagesModule } from './modules/messages/messages.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { CostsModule } from './modules/costs/costs.module';
import { OnlineModule } from './modules/online/online.module';
import { OutingsModule } from './modules/outings/outings.module';
import { GroupProposalsModule } from './modules/group-proposals/group-proposals.module';
import { CarPoolModule } from './modules/car-pool/car-pool.module';
import { TalksModule } from './modules/talks/talks.module';

@Module({
  imports: [
    ConfigurationModule,
    LoggingModule,
    LifecycleModule,
    // Before AccessModule: its rate limit guard must run before the bearer token guard.
    SecurityModule,
    DatabaseModule,
    EventEmitterModule.forRoot(),
    // The only ScheduleModule.forRoot(): a second one would run every @Cron and @Interval twice.
    ScheduleModule.forRoot(),
    AccessContextModule,
    AccessModule,
    HealthModule,
    RegionsModule,
    LocationsModule,
    LanguageProvidersModule,
    ParticipantsModule,
    StaffModule,
    TransportModule,
    ChildcareModule,
    AttendanceModule,
    RoutesModule,
    RemindersModule,
    PlansModule,
    ProgrammesModule,
    ScenarioModule,
    AuditModule,
    PrivacyModule,
    SelfServiceModule,
    SchedulingModule,
    TravelModule,
    CalendarModule,
    MessagesModule,
    AccountsModule,
    JobsModule,
    CostsModule,
    OnlineModule,
    OutingsModule,
    GroupProposalsModule,
    CarPoolModule,
    TalksModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
