import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutesModule } from '../routes/routes.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StaffModule } from '../staff/staff.module';
import { TransportModule } from '../transport/transport.module';
import { TravelModule } from '../travel/travel.module';
import { CostItemsService } from './cost-items.service';
import { CostRatesController } from './cost-rates.controller';
import { CostRatesService } from './cost-rates.service';
import { CostReportService } from './cost-report.service';
import { CostsController } from './costs.controller';
import { ProgrammeBudget } from './programme-budget.entity';
import { ProgrammeBudgetController } from './programme-budget.controller';
import { ProgrammeBudgetsService } from './programme-budgets.service';
import { RegionCostRates } from './region-cost-rates.entity';

/** A region's cost rates, each programme's budget, and the monthly cost report per municipality. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RegionCostRates, ProgrammeBudget]),
    RegionsModule,
    ProgrammesModule,
    LocationsModule,
    ParticipantsModule,
    SchedulingModule,
    ChildcareModule,
    RoutesModule,
    TransportModule,
    StaffModule,
    TravelModule,
    AuditModule,
  ],
  controllers: [CostsController, CostRatesController, ProgrammeBudgetController],
  providers: [CostRatesService, ProgrammeBudgetsService, CostItemsService, CostReportService],
  exports: [CostRatesService],
})
export class CostsModule {}
