import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Programme } from './programme.entity';
import { Group } from './group.entity';
import { Session } from './session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, Group, Session])],
  controllers: [],
  providers: [],
  exports: [],
})
export class ProgrammesModule {}
