(module
 (type $0 (func (param i32 i32 i32)))
 (type $1 (func (param i32)))
 (type $2 (func (param i32 i32 i32 i32)))
 (type $3 (func (param i32 i32 i32 i32 i32)))
 (type $4 (func (result i32)))
 (type $5 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $6 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $7 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $8 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $9 (func (param i32 i32)))
 (type $10 (func (param i32 i32 i32 i32 i32 i32) (result i32)))
 (type $11 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $12 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $13 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $14 (func (param i32 i32) (result f64)))
 (type $15 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $16 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
 (type $17 (func (param i32 i32 i32 i32 f64 f64 i32 i32 i32)))
 (type $18 (func (param i32 i32 i32 i32 f64 f64 f64 i32 i32)))
 (type $19 (func (param i32) (result i32)))
 (type $20 (func (param i32 i32 i32) (result i32)))
 (type $21 (func (param i32 i32 v128 i32 i32 i32)))
 (type $22 (func (param i32 v128 v128 v128 v128 v128 v128 v128 v128 v128)))
 (type $23 (func (param i32 i32 i32 i32 f32 i32)))
 (type $24 (func (param i32 i32 i32 i32 i32 f32 i32)))
 (type $25 (func (param i32 i32 i32 i32 i32 i32 i32)))
 (type $26 (func (param i32 i32 i32 i32 f64 f64 f64 f64 i32)))
 (type $27 (func (param i32 i32 i32 i32 i32 i32 f64 f64 f64 f64 f64 f64 f64 f64 f64 i32)))
 (type $28 (func (param i32 i32 i32 i32 i32 i32) (result v128)))
 (type $29 (func (param i32 f64)))
 (type $30 (func (param i32 i32) (result i32)))
 (type $31 (func (param i32 i32 i32 i32) (result i32)))
 (type $32 (func (param i32 i32 i32 i32 i32) (result i32)))
 (type $33 (func (param i32 i32 i32 i32 i32 i32)))
 (type $34 (func (param i32 i32 f32 f32 i32) (result f64)))
 (import "env" "memory" (memory $0 256 32768 shared))
 (global $src/kernels/wasm/assembly/batch-norm/dotResult (mut f64) (f64.const 0))
 (global $src/kernels/wasm/assembly/index/JOB_GEMM i32 (i32.const 1))
 (global $src/kernels/wasm/assembly/index/JOB_CONV2D_FORWARD i32 (i32.const 2))
 (global $src/kernels/wasm/assembly/index/JOB_CONV2D_BACKWARD i32 (i32.const 3))
 (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_STATS i32 (i32.const 5))
 (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_FORWARD i32 (i32.const 6))
 (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_BACKWARD i32 (i32.const 7))
 (global $src/kernels/wasm/assembly/index/JOB_ELEMENTWISE i32 (i32.const 8))
 (global $src/kernels/wasm/assembly/index/JOB_GEMM_PACK i32 (i32.const 9))
 (global $src/kernels/wasm/assembly/index/JOB_MAX_POOL2D i32 (i32.const 4))
 (global $src/kernels/wasm/assembly/index/JOB_MAX_POOL2D_BACKWARD i32 (i32.const 11))
 (global $src/kernels/wasm/assembly/index/JOB_WINOGRAD_KERNELS i32 (i32.const 10))
 (export "JOB_GEMM" (global $src/kernels/wasm/assembly/index/JOB_GEMM))
 (export "JOB_CONV2D_FORWARD" (global $src/kernels/wasm/assembly/index/JOB_CONV2D_FORWARD))
 (export "JOB_CONV2D_BACKWARD" (global $src/kernels/wasm/assembly/index/JOB_CONV2D_BACKWARD))
 (export "JOB_BATCH_NORM_STATS" (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_STATS))
 (export "JOB_BATCH_NORM_FORWARD" (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_FORWARD))
 (export "JOB_BATCH_NORM_BACKWARD" (global $src/kernels/wasm/assembly/index/JOB_BATCH_NORM_BACKWARD))
 (export "JOB_ELEMENTWISE" (global $src/kernels/wasm/assembly/index/JOB_ELEMENTWISE))
 (export "JOB_GEMM_PACK" (global $src/kernels/wasm/assembly/index/JOB_GEMM_PACK))
 (export "JOB_MAX_POOL2D" (global $src/kernels/wasm/assembly/index/JOB_MAX_POOL2D))
 (export "JOB_MAX_POOL2D_BACKWARD" (global $src/kernels/wasm/assembly/index/JOB_MAX_POOL2D_BACKWARD))
 (export "JOB_WINOGRAD_KERNELS" (global $src/kernels/wasm/assembly/index/JOB_WINOGRAD_KERNELS))
 (export "gemmScratchBytes" (func $src/kernels/wasm/assembly/index/gemmScratchBytes))
 (export "heapBase" (func $src/kernels/wasm/assembly/index/heapBase))
 (export "runJobItems" (func $src/kernels/wasm/assembly/index/runJobItems))
 (export "runJobSerial" (func $src/kernels/wasm/assembly/index/runJobSerial))
 (export "tileRows" (func $src/kernels/wasm/assembly/index/tileRows))
 (export "tileCols" (func $src/kernels/wasm/assembly/index/tileCols))
 (export "winogradKernelScratchBytes" (func $src/kernels/wasm/assembly/index/winogradKernelScratchBytes))
 (export "addPartials" (func $src/kernels/wasm/assembly/conv/addPartials))
 (export "convScratchBytes" (func $src/kernels/wasm/assembly/conv/convScratchBytes))
 (export "convDirectPrepare" (func $src/kernels/wasm/assembly/conv-direct/convDirectPrepare))
 (export "convDirectScratchBytes" (func $src/kernels/wasm/assembly/conv-direct/convDirectScratchBytes))
 (export "convDirectTableBytes" (func $src/kernels/wasm/assembly/conv-direct/convDirectTableBytes))
 (export "directTile" (func $src/kernels/wasm/assembly/conv-direct/directTile))
 (export "directTile4" (func $src/kernels/wasm/assembly/conv-direct/directTile4))
 (export "directGradientTile" (func $src/kernels/wasm/assembly/conv-direct/directGradientTile))
 (export "winogradPackedBytes" (func $src/kernels/wasm/assembly/winograd/winogradPackedBytes))
 (export "winogradPositions" (func $src/kernels/wasm/assembly/winograd/winogradPositions))
 (export "winogradWorkBytes" (func $src/kernels/wasm/assembly/winograd/winogradWorkBytes))
 (export "winogradGradWorkBytes" (func $src/kernels/wasm/assembly/winograd/winogradGradWorkBytes))
 (export "winogradInputGradientWorkBytes" (func $src/kernels/wasm/assembly/winograd/winogradInputGradientWorkBytes))
 (export "reluSimd" (func $src/kernels/wasm/assembly/elementwise/reluSimd))
 (export "reluBackwardSimd" (func $src/kernels/wasm/assembly/elementwise/reluBackwardSimd))
 (export "relu6Simd" (func $src/kernels/wasm/assembly/elementwise/relu6Simd))
 (export "relu6BackwardSimd" (func $src/kernels/wasm/assembly/elementwise/relu6BackwardSimd))
 (export "hardSimd" (func $src/kernels/wasm/assembly/elementwise/hardSimd))
 (export "hardsigmoidBackwardSimd" (func $src/kernels/wasm/assembly/elementwise/hardsigmoidBackwardSimd))
 (export "hardswishBackwardSimd" (func $src/kernels/wasm/assembly/elementwise/hardswishBackwardSimd))
 (export "adaptiveAvgPool2dPlanes" (func $src/kernels/wasm/assembly/adaptive-pool/adaptiveAvgPool2dPlanes))
 (export "adaptiveAvgPool2dBackwardPlanes" (func $src/kernels/wasm/assembly/adaptive-pool/adaptiveAvgPool2dBackwardPlanes))
 (export "upsampleNearestPlanes" (func $src/kernels/wasm/assembly/upsample/upsampleNearestPlanes))
 (export "upsampleNearestBackwardPlanes" (func $src/kernels/wasm/assembly/upsample/upsampleNearestBackwardPlanes))
 (export "upsampleBilinearPlanes" (func $src/kernels/wasm/assembly/upsample/upsampleBilinearPlanes))
 (export "upsampleBilinearBackwardPlanes" (func $src/kernels/wasm/assembly/upsample/upsampleBilinearBackwardPlanes))
 (export "addSimd" (func $src/kernels/wasm/assembly/elementwise/addSimd))
 (export "addBiasSimd" (func $src/kernels/wasm/assembly/bias/addBiasSimd))
 (export "addChannelSumsSimd" (func $src/kernels/wasm/assembly/bias/addChannelSumsSimd))
 (export "batchNormStatsSimd" (func $src/kernels/wasm/assembly/batch-norm/batchNormStatsSimd))
 (export "batchNormForwardSimd" (func $src/kernels/wasm/assembly/batch-norm/batchNormForwardSimd))
 (export "batchNormBackwardSimd" (func $src/kernels/wasm/assembly/batch-norm/batchNormBackwardSimd))
 (export "groupNormForwardBlocks" (func $src/kernels/wasm/assembly/group-norm/groupNormForwardBlocks))
 (export "groupNormBackwardBlocks" (func $src/kernels/wasm/assembly/group-norm/groupNormBackwardBlocks))
 (export "transcendentalSimd" (func $src/kernels/wasm/assembly/transcendental/transcendentalSimd))
 (export "transcendentalBackwardSimd" (func $src/kernels/wasm/assembly/transcendental/transcendentalBackwardSimd))
 (export "sgdStepSimd" (func $src/kernels/wasm/assembly/optim/sgdStepSimd))
 (export "adamStepSimd" (func $src/kernels/wasm/assembly/optim/adamStepSimd))
 (export "memory" (memory $0))
 (func $src/kernels/wasm/assembly/gemm/gemm (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32) (param $12 i32) (param $13 i32) (param $14 i32) (param $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 v128)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 i32)
  (local $36 v128)
  (local $37 i32)
  (local $38 i32)
  (local $39 i32)
  (local $40 f32)
  (local $41 i32)
  (local $42 i32)
  (local $43 v128)
  (local $44 i32)
  (local $45 v128)
  (local $46 v128)
  (local $47 i32)
  local.get $4
  i32.eqz
  if
   local.get $11
   i32.eqz
   if
    i32.const 0
    local.set $0
    loop $for-loop|0
     local.get $0
     local.get $2
     i32.lt_s
     if
      local.get $9
      local.get $0
      local.get $10
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      i32.const 0
      local.get $3
      i32.const 2
      i32.shl
      memory.fill
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|0
     end
    end
   end
   return
  end
  local.get $12
  i32.const 122880
  i32.add
  local.tee $21
  i32.const -1048576
  i32.sub
  local.set $25
  local.get $14
  i32.eqz
  local.tee $16
  if
   local.get $1
   i32.eqz
   local.set $16
  end
  local.get $16
  if
   local.get $4
   i32.const 256
   i32.le_s
   local.set $16
  end
  local.get $16
  if
   i32.const 1
   local.get $15
   local.get $2
   i32.const 16
   i32.le_s
   select
   local.set $16
  end
  local.get $8
  i32.const 255
  i32.and
  i32.const 0
  i32.ne
  local.get $16
  local.get $16
  select
  local.set $22
  local.get $2
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.set $41
  local.get $3
  i32.const 7
  i32.add
  i32.const 8
  i32.div_s
  i32.const 3
  i32.shl
  local.set $42
  loop $for-loop|1
   local.get $3
   local.get $29
   i32.gt_s
   if
    i32.const 1024
    local.get $3
    local.get $29
    i32.sub
    local.tee $15
    local.get $15
    i32.const 1024
    i32.gt_s
    select
    local.set $35
    i32.const 0
    local.set $28
    loop $for-loop|2
     local.get $4
     local.get $28
     i32.gt_s
     if
      i32.const 256
      local.get $4
      local.get $28
      i32.sub
      local.tee $15
      local.get $15
      i32.const 256
      i32.gt_s
      select
      local.set $23
      local.get $21
      local.set $17
      local.get $14
      if
       local.get $14
       local.get $28
       local.get $42
       i32.mul
       local.get $23
       local.get $29
       i32.mul
       i32.add
       i32.const 2
       i32.shl
       i32.add
       local.set $17
      else
       local.get $35
       i32.const 8
       i32.rem_s
       local.set $15
       local.get $22
       if
        local.get $15
        if
         local.get $1
         local.get $7
         local.get $8
         local.get $28
         local.get $29
         local.get $35
         i32.add
         local.get $15
         i32.sub
         local.get $23
         local.get $15
         local.get $21
         call $src/kernels/wasm/assembly/gemm/packB
        end
       else
        local.get $1
        local.get $7
        local.get $8
        local.get $28
        local.get $29
        local.get $23
        local.get $35
        local.get $21
        call $src/kernels/wasm/assembly/gemm/packB
       end
      end
      local.get $11
      local.get $28
      i32.const 0
      i32.gt_s
      local.get $11
      select
      local.set $37
      i32.const 0
      local.set $30
      loop $for-loop|3
       local.get $2
       local.get $30
       i32.gt_s
       if
        i32.const 120
        local.get $2
        local.get $30
        i32.sub
        local.tee $15
        local.get $15
        i32.const 120
        i32.gt_s
        select
        local.set $39
        local.get $12
        local.set $18
        local.get $13
        if
         local.get $13
         local.get $28
         local.get $41
         i32.mul
         local.get $23
         local.get $30
         i32.mul
         i32.add
         i32.const 2
         i32.shl
         i32.add
         local.set $18
        else
         local.get $0
         local.get $5
         local.get $6
         local.get $30
         local.get $28
         local.get $39
         local.get $23
         local.get $12
         call $src/kernels/wasm/assembly/gemm/packA
        end
        i32.const 0
        local.set $32
        loop $for-loop|4
         local.get $32
         local.get $39
         i32.lt_s
         if
          local.get $18
          local.get $23
          local.get $32
          i32.mul
          i32.const 2
          i32.shl
          i32.add
          local.set $19
          i32.const 4
          local.get $39
          local.get $32
          i32.sub
          local.tee $15
          local.get $15
          i32.const 4
          i32.gt_s
          select
          local.set $38
          i32.const 0
          local.set $31
          loop $for-loop|5
           local.get $31
           local.get $35
           i32.lt_s
           if
            i32.const 8
            local.get $35
            local.get $31
            i32.sub
            local.tee $15
            local.get $15
            i32.const 8
            i32.gt_s
            select
            local.set $26
            local.get $17
            local.get $23
            local.get $31
            i32.mul
            i32.const 2
            i32.shl
            i32.add
            local.set $15
            i32.const 32
            local.set $24
            local.get $22
            if
             i32.const 32
             local.get $8
             i32.const 2
             i32.shl
             local.get $26
             i32.const 8
             i32.ne
             select
             local.set $24
             local.get $26
             i32.const 8
             i32.eq
             if (result i32)
              local.get $7
              local.get $8
              local.get $28
              i32.mul
              local.get $29
              i32.add
              local.get $31
              i32.add
              i32.const 2
              i32.shl
              i32.add
             else
              local.get $21
             end
             local.set $15
            end
            local.get $9
            local.get $30
            local.get $32
            i32.add
            local.get $10
            i32.mul
            local.get $29
            i32.add
            local.get $31
            i32.add
            i32.const 2
            i32.shl
            i32.add
            local.set $44
            local.get $38
            i32.const 2
            i32.le_s
            if
             block $__inlined_func$src/kernels/wasm/assembly/gemm/kernel2x8Simd
              local.get $19
              local.set $16
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set $20
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set $33
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set $34
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set $36
              i32.const 0
              local.set $27
              loop $for-loop|00
               local.get $23
               local.get $27
               i32.gt_s
               if
                local.get $16
                v128.load32_splat
                local.tee $45
                local.get $15
                v128.load
                local.tee $43
                f32x4.mul
                local.get $34
                f32x4.add
                local.set $34
                local.get $45
                local.get $15
                v128.load offset=16
                local.tee $46
                f32x4.mul
                local.get $20
                f32x4.add
                local.set $20
                local.get $16
                v128.load32_splat offset=4
                local.tee $45
                local.get $43
                f32x4.mul
                local.get $36
                f32x4.add
                local.set $36
                local.get $45
                local.get $46
                f32x4.mul
                local.get $33
                f32x4.add
                local.set $33
                local.get $16
                i32.const 16
                i32.add
                local.set $16
                local.get $15
                local.get $24
                i32.add
                local.set $15
                local.get $27
                i32.const 1
                i32.add
                local.set $27
                br $for-loop|00
               end
              end
              local.get $26
              i32.const 8
              i32.eq
              local.get $38
              i32.const 2
              i32.eq
              i32.and
              if
               local.get $37
               if
                local.get $34
                local.get $44
                v128.load
                f32x4.add
                local.set $34
                local.get $20
                local.get $44
                v128.load offset=16
                f32x4.add
                local.set $20
               end
               local.get $44
               local.get $34
               v128.store
               local.get $44
               local.get $20
               v128.store offset=16
               local.get $44
               local.get $10
               i32.const 2
               i32.shl
               i32.add
               local.tee $15
               local.get $37
               if (result v128)
                local.get $33
                local.get $15
                v128.load offset=16
                f32x4.add
                local.set $33
                local.get $36
                local.get $15
                v128.load
                f32x4.add
               else
                local.get $36
               end
               v128.store
               local.get $15
               local.get $33
               v128.store offset=16
               br $__inlined_func$src/kernels/wasm/assembly/gemm/kernel2x8Simd
              end
              local.get $25
              local.get $34
              v128.store
              local.get $25
              local.get $20
              v128.store offset=16
              local.get $25
              i32.const 32
              i32.add
              local.get $36
              v128.store
              local.get $25
              local.get $33
              v128.store offset=48
              i32.const 0
              local.set $16
              loop $for-loop|001
               local.get $16
               local.get $38
               i32.lt_s
               if
                local.get $44
                local.get $10
                local.get $16
                i32.mul
                i32.const 2
                i32.shl
                i32.add
                local.set $24
                local.get $25
                local.get $16
                i32.const 5
                i32.shl
                i32.add
                local.set $27
                i32.const 0
                local.set $15
                loop $for-loop|12
                 local.get $15
                 local.get $26
                 i32.lt_s
                 if
                  local.get $27
                  local.get $15
                  i32.const 2
                  i32.shl
                  local.tee $47
                  i32.add
                  f32.load
                  local.set $40
                  local.get $24
                  local.get $47
                  i32.add
                  local.tee $47
                  local.get $37
                  if (result f32)
                   local.get $47
                   f32.load
                   local.get $40
                   f32.add
                  else
                   local.get $40
                  end
                  f32.store
                  local.get $15
                  i32.const 1
                  i32.add
                  local.set $15
                  br $for-loop|12
                 end
                end
                local.get $16
                i32.const 1
                i32.add
                local.set $16
                br $for-loop|001
               end
              end
             end
            else
             local.get $23
             local.get $19
             local.get $15
             local.get $24
             local.get $44
             local.get $10
             local.get $38
             local.get $26
             local.get $37
             local.get $25
             call $src/kernels/wasm/assembly/gemm/kernel4x8Simd
            end
            local.get $31
            i32.const 8
            i32.add
            local.set $31
            br $for-loop|5
           end
          end
          local.get $32
          i32.const 4
          i32.add
          local.set $32
          br $for-loop|4
         end
        end
        local.get $30
        i32.const 120
        i32.add
        local.set $30
        br $for-loop|3
       end
      end
      local.get $28
      i32.const 256
      i32.add
      local.set $28
      br $for-loop|2
     end
    end
    local.get $29
    i32.const 1024
    i32.add
    local.set $29
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradWorkBytes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (result i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  local.get $4
  i32.const 2
  local.get $5
  local.get $5
  i32.const 3
  i32.eq
  local.tee $6
  select
  local.tee $4
  local.get $2
  i32.add
  i32.const 1
  i32.sub
  local.get $4
  i32.div_s
  i32.mul
  local.get $3
  local.get $4
  i32.add
  i32.const 1
  i32.sub
  local.get $4
  i32.div_s
  i32.mul
  i32.const 6
  i32.add
  i32.const -4
  i32.and
  local.tee $4
  local.get $4
  i32.const 4
  i32.add
  local.get $4
  i32.const 255
  i32.and
  select
  local.set $7
  i32.const 2
  local.get $5
  local.get $5
  i32.const 3
  i32.eq
  local.tee $4
  select
  local.set $8
  i32.const 4
  local.get $5
  local.get $4
  select
  local.tee $9
  local.get $2
  local.get $8
  i32.add
  i32.const 1
  i32.sub
  local.get $8
  i32.div_s
  i32.mul
  i32.const 1
  i32.const 2
  local.get $4
  select
  i32.add
  local.get $3
  local.get $8
  i32.add
  i32.const 1
  i32.sub
  local.get $8
  i32.div_s
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  local.get $9
  i32.mul
  i32.const 4
  i32.add
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.const 832
  i32.add
  local.get $0
  local.get $6
  if (result i32)
   i32.const 25
  else
   local.get $5
   i32.const 2
   i32.add
   local.tee $0
   local.get $0
   i32.mul
  end
  local.tee $0
  i32.mul
  local.get $7
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.get $7
  local.get $0
  local.get $1
  i32.mul
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
 )
 (func $src/kernels/wasm/assembly/adaptive-pool/sumPlaneSimd (param $0 i32) (param $1 i32) (result f64)
  (local $2 i32)
  (local $3 i32)
  (local $4 v128)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 f64)
  loop $for-loop|0
   local.get $2
   i32.const 8
   i32.add
   local.tee $3
   local.get $1
   i32.le_s
   if
    local.get $5
    local.get $0
    local.get $2
    i32.const 2
    i32.shl
    i32.add
    local.tee $2
    v128.load
    local.tee $4
    f64x2.promote_low_f32x4
    f64x2.add
    local.set $5
    local.get $6
    local.get $4
    local.get $4
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.add
    local.set $6
    local.get $7
    local.get $2
    v128.load offset=16
    local.tee $4
    f64x2.promote_low_f32x4
    f64x2.add
    local.set $7
    local.get $8
    local.get $4
    local.get $4
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.add
    local.set $8
    local.get $3
    local.set $2
    br $for-loop|0
   end
  end
  local.get $5
  local.get $6
  f64x2.add
  local.get $7
  local.get $8
  f64x2.add
  f64x2.add
  local.tee $4
  f64x2.extract_lane 0
  local.get $4
  f64x2.extract_lane 1
  f64.add
  local.set $9
  loop $for-loop|1
   local.get $1
   local.get $2
   i32.gt_s
   if
    local.get $9
    local.get $0
    local.get $2
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f64.promote_f32
    f64.add
    local.set $9
    local.get $2
    i32.const 1
    i32.add
    local.set $2
    br $for-loop|1
   end
  end
  local.get $9
 )
 (func $src/kernels/wasm/assembly/gemm/packB (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  loop $for-loop|0
   local.get $6
   local.get $9
   i32.gt_s
   if
    i32.const 8
    local.get $6
    local.get $9
    i32.sub
    local.tee $8
    local.get $8
    i32.const 8
    i32.gt_s
    select
    local.set $11
    local.get $7
    local.get $5
    local.get $9
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $14
    local.get $0
    if
     local.get $1
     local.get $4
     local.get $9
     i32.add
     local.get $2
     i32.mul
     local.get $3
     i32.add
     i32.const 2
     i32.shl
     i32.add
     local.get $2
     local.get $5
     local.get $14
     local.get $11
     call $src/kernels/wasm/assembly/gemm/packPanelTransposed
    else
     i32.const 0
     local.set $8
     loop $for-loop|1
      local.get $5
      local.get $8
      i32.gt_s
      if
       local.get $1
       local.get $3
       local.get $8
       i32.add
       local.get $2
       i32.mul
       local.get $4
       i32.add
       local.get $9
       i32.add
       i32.const 2
       i32.shl
       i32.add
       local.set $12
       local.get $14
       local.get $8
       i32.const 5
       i32.shl
       i32.add
       local.set $13
       local.get $11
       i32.const 8
       i32.eq
       if
        local.get $13
        local.get $12
        v128.load
        v128.store
        local.get $13
        local.get $12
        v128.load offset=16
        v128.store offset=16
       else
        i32.const 0
        local.set $10
        loop $for-loop|2
         local.get $10
         i32.const 8
         i32.lt_s
         if
          local.get $10
          i32.const 2
          i32.shl
          local.tee $15
          local.get $13
          i32.add
          local.get $10
          local.get $11
          i32.lt_s
          if (result f32)
           local.get $12
           local.get $15
           i32.add
           f32.load
          else
           f32.const 0
          end
          f32.store
          local.get $10
          i32.const 1
          i32.add
          local.set $10
          br $for-loop|2
         end
        end
       end
       local.get $8
       i32.const 1
       i32.add
       local.set $8
       br $for-loop|1
      end
     end
    end
    local.get $9
    i32.const 8
    i32.add
    local.set $9
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradSamples (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32) (param $12 i32) (param $13 i32) (param $14 i32) (param $15 i32) (param $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  i32.const 2
  local.get $16
  local.get $16
  i32.const 3
  i32.eq
  local.tee $19
  select
  local.set $17
  i32.const 4
  local.get $16
  local.get $19
  select
  local.tee $18
  local.get $7
  local.get $17
  i32.add
  i32.const 1
  i32.sub
  local.get $17
  i32.div_s
  local.tee $20
  i32.mul
  i32.const 1
  i32.const 2
  local.get $19
  select
  i32.add
  local.get $8
  local.get $17
  i32.add
  i32.const 1
  i32.sub
  local.get $17
  i32.div_s
  local.tee $17
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  local.get $18
  i32.mul
  i32.const 4
  i32.add
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  local.tee $18
  local.get $14
  i32.add
  local.set $21
  local.get $14
  local.get $18
  i32.const 832
  i32.add
  i32.add
  local.tee $22
  local.get $17
  local.get $20
  i32.mul
  local.get $1
  i32.mul
  local.tee $20
  i32.const 6
  i32.add
  i32.const -4
  i32.and
  local.tee $17
  local.get $17
  i32.const 4
  i32.add
  local.get $17
  i32.const 255
  i32.and
  select
  local.tee $17
  i32.const 2
  i32.shl
  local.tee $18
  local.get $19
  if (result i32)
   i32.const 25
  else
   local.get $16
   i32.const 2
   i32.add
   local.tee $19
   local.get $19
   i32.mul
  end
  local.tee $19
  local.get $2
  i32.mul
  i32.mul
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.set $23
  local.get $2
  local.get $18
  i32.mul
  local.set $24
  local.get $0
  local.get $1
  local.get $2
  local.get $3
  local.get $4
  local.get $5
  local.get $6
  local.get $7
  local.get $8
  local.get $14
  local.get $22
  local.get $17
  local.get $16
  local.get $21
  call $src/kernels/wasm/assembly/winograd/transformInputs
  local.get $10
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.get $2
  i32.mul
  i32.const 2
  i32.shl
  local.set $3
  local.get $10
  local.get $18
  i32.mul
  local.set $4
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   local.get $19
   i32.lt_s
   if
    i32.const 0
    i32.const 0
    local.get $10
    local.get $20
    local.get $2
    i32.const 0
    local.get $2
    local.get $22
    local.get $0
    local.get $24
    i32.mul
    i32.add
    local.get $17
    local.get $23
    local.get $0
    local.get $4
    i32.mul
    i32.add
    local.get $17
    i32.const 0
    local.get $15
    local.get $9
    local.get $0
    local.get $3
    i32.mul
    i32.add
    i32.const 0
    i32.const 1
    call $src/kernels/wasm/assembly/gemm/gemm
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|0
   end
  end
  local.get $16
  local.get $23
  local.get $4
  local.get $18
  local.get $1
  local.get $10
  local.get $7
  local.get $8
  local.get $11
  local.get $12
  local.get $13
  local.get $21
  call $src/kernels/wasm/assembly/winograd/outputTransforms
 )
 (func $src/kernels/wasm/assembly/winograd/winogradInputGradientWorkBytes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (result i32)
  local.get $5
  i32.const 1
  i32.add
  i32.const 2
  i32.div_s
  local.tee $5
  local.get $8
  local.get $4
  i32.const 1
  i32.add
  i32.const 2
  i32.div_s
  local.tee $4
  i32.mul
  i32.mul
  i32.const 6
  i32.add
  i32.const -4
  i32.and
  local.tee $8
  local.get $8
  i32.const 4
  i32.add
  local.get $8
  i32.const 255
  i32.and
  select
  local.set $8
  local.get $5
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  local.tee $5
  local.get $4
  i32.const 2
  i32.shl
  local.tee $4
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  local.get $4
  i32.const 1
  i32.add
  local.tee $4
  local.get $2
  local.get $6
  i32.add
  local.tee $2
  local.get $2
  local.get $4
  i32.lt_s
  select
  local.get $5
  i32.const 2
  i32.shl
  i32.const 4
  i32.add
  local.tee $2
  local.get $3
  local.get $7
  i32.add
  local.tee $3
  local.get $2
  local.get $3
  i32.gt_s
  select
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  i32.const 448
  i32.add
  local.get $1
  i32.const 9
  i32.mul
  local.get $8
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.get $8
  local.get $0
  i32.const 25
  i32.mul
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
 )
 (func $src/kernels/wasm/assembly/winograd/winogradGradWorkBytes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (result i32)
  local.get $0
  local.get $1
  local.get $2
  local.get $3
  local.get $4
  local.get $5
  call $src/kernels/wasm/assembly/winograd/winogradWorkBytes
  local.get $5
  i32.const 3
  i32.eq
  if (result i32)
   i32.const 25
  else
   local.get $5
   i32.const 2
   i32.add
   local.tee $2
   local.get $2
   i32.mul
  end
  local.get $1
  i32.mul
  local.get $0
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
 )
 (func $src/kernels/wasm/assembly/winograd/transformInputs (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32) (param $12 i32) (param $13 i32)
  (local $14 i32)
  (local $15 v128)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 v128)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  (local $37 v128)
  (local $38 v128)
  (local $39 i32)
  (local $40 i32)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 v128)
  (local $45 v128)
  (local $46 v128)
  (local $47 v128)
  (local $48 v128)
  (local $49 v128)
  (local $50 v128)
  (local $51 v128)
  (local $52 v128)
  (local $53 v128)
  local.get $7
  i32.const 2
  local.get $12
  local.get $12
  i32.const 3
  i32.eq
  local.tee $7
  select
  local.tee $14
  i32.add
  i32.const 1
  i32.sub
  local.get $14
  i32.div_s
  local.tee $17
  local.set $21
  local.get $17
  local.get $8
  local.get $14
  i32.add
  i32.const 1
  i32.sub
  local.get $14
  i32.div_s
  local.tee $19
  i32.mul
  local.set $22
  i32.const 4
  local.get $12
  local.get $7
  select
  local.tee $8
  local.get $19
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  i32.mul
  i32.const 4
  i32.add
  local.tee $20
  i32.const 2
  i32.shl
  local.set $16
  local.get $11
  i32.const 2
  i32.shl
  local.tee $23
  local.get $2
  i32.mul
  local.set $28
  local.get $3
  local.get $8
  local.get $17
  i32.mul
  i32.const 1
  i32.const 2
  local.get $7
  select
  i32.add
  local.tee $7
  local.get $5
  i32.sub
  local.tee $8
  local.get $3
  local.get $8
  i32.lt_s
  select
  local.set $24
  local.get $4
  local.get $20
  local.get $6
  i32.sub
  local.tee $8
  local.get $4
  local.get $8
  i32.lt_s
  select
  local.set $29
  local.get $7
  local.get $20
  i32.mul
  local.set $11
  i32.const 0
  local.set $7
  loop $for-loop|0
   local.get $7
   i32.const 4
   i32.add
   local.tee $8
   local.get $11
   i32.le_s
   if
    local.get $9
    local.get $7
    i32.const 2
    i32.shl
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.store
    local.get $8
    local.set $7
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $7
   local.get $11
   i32.lt_s
   if
    local.get $9
    local.get $7
    i32.const 2
    i32.shl
    i32.add
    f32.const 0
    f32.store
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|1
   end
  end
  loop $for-loop|2
   local.get $1
   local.get $18
   i32.gt_s
   if
    i32.const 0
    local.set $17
    loop $for-loop|3
     local.get $2
     local.get $17
     i32.gt_s
     if
      local.get $0
      local.get $2
      local.get $18
      i32.mul
      local.get $17
      i32.add
      local.get $3
      i32.mul
      local.get $4
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $11
      i32.const 0
      local.set $14
      loop $for-loop|4
       local.get $14
       local.get $24
       i32.lt_s
       if
        local.get $9
        local.get $5
        local.get $14
        i32.add
        local.get $20
        i32.mul
        local.get $6
        i32.add
        i32.const 2
        i32.shl
        i32.add
        local.set $25
        local.get $11
        local.get $4
        local.get $14
        i32.mul
        i32.const 2
        i32.shl
        i32.add
        local.set $26
        block $src/kernels/wasm/assembly/memory/copyFloats|inlined.4
         local.get $29
         i32.const 4
         i32.lt_s
         if
          i32.const 0
          local.set $7
          loop $for-loop|5
           local.get $7
           local.get $29
           i32.lt_s
           if
            local.get $7
            i32.const 2
            i32.shl
            local.tee $8
            local.get $25
            i32.add
            local.get $8
            local.get $26
            i32.add
            f32.load
            f32.store
            local.get $7
            i32.const 1
            i32.add
            local.set $7
            br $for-loop|5
           end
          end
          br $src/kernels/wasm/assembly/memory/copyFloats|inlined.4
         end
         i32.const 0
         local.set $7
         loop $for-loop|6
          local.get $7
          i32.const 4
          i32.add
          local.tee $8
          local.get $29
          i32.le_s
          if
           local.get $7
           i32.const 2
           i32.shl
           local.tee $7
           local.get $25
           i32.add
           local.get $7
           local.get $26
           i32.add
           v128.load
           v128.store
           local.get $8
           local.set $7
           br $for-loop|6
          end
         end
         local.get $7
         local.get $29
         i32.lt_s
         if
          local.get $29
          i32.const 4
          i32.sub
          i32.const 2
          i32.shl
          local.tee $7
          local.get $25
          i32.add
          local.get $7
          local.get $26
          i32.add
          v128.load
          v128.store
         end
        end
        local.get $14
        i32.const 1
        i32.add
        local.set $14
        br $for-loop|4
       end
      end
      local.get $10
      local.get $17
      local.get $23
      i32.mul
      i32.add
      local.get $18
      local.get $22
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $25
      i32.const 0
      local.set $14
      loop $for-loop|7
       local.get $14
       local.get $21
       i32.lt_s
       if
        local.get $9
        local.get $14
        i32.const 4
        local.get $12
        local.get $12
        i32.const 3
        i32.eq
        select
        i32.mul
        local.get $16
        i32.mul
        i32.add
        local.set $39
        i32.const 0
        local.set $8
        loop $for-loop|8
         local.get $8
         local.get $19
         i32.lt_s
         if
          local.get $25
          local.get $14
          local.get $19
          i32.mul
          local.get $8
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $30
          local.get $12
          i32.const 4
          i32.eq
          if
           local.get $39
           local.get $8
           i32.const 4
           i32.shl
           i32.add
           local.get $16
           local.get $30
           local.get $28
           local.get $13
           call $src/kernels/wasm/assembly/winograd-f4/inputTransformF4
          else
           local.get $12
           i32.const 3
           i32.eq
           if
            local.get $39
            local.get $8
            i32.const 4
            i32.shl
            i32.add
            local.set $26
            i32.const 0
            local.set $7
            i32.const 0
            local.set $11
            loop $for-loop|00
             local.get $7
             i32.const 5
             i32.lt_s
             if
              local.get $26
              local.get $7
              local.get $16
              i32.mul
              i32.add
              local.tee $31
              v128.load
              local.set $15
              local.get $31
              v128.load offset=64
              local.set $27
              local.get $13
              local.get $7
              i32.const 80
              i32.mul
              i32.add
              local.tee $40
              local.get $15
              local.get $31
              v128.load offset=16
              local.tee $32
              i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
              local.tee $33
              local.get $31
              v128.load offset=32
              local.tee $34
              local.get $31
              v128.load offset=48
              local.tee $35
              i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
              local.tee $36
              i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
              local.tee $37
              local.get $15
              local.get $32
              i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
              local.tee $15
              local.get $34
              local.get $35
              i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
              local.tee $32
              i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
              local.tee $34
              f32x4.sub
              v128.store
              local.get $40
              local.get $34
              v128.store offset=16
              local.get $40
              local.get $37
              local.get $27
              i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
              local.get $34
              f32x4.sub
              v128.store offset=32
              local.get $40
              local.get $33
              local.get $36
              i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
              v128.store offset=48
              local.get $40
              local.get $15
              local.get $32
              i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
              v128.store offset=64
              local.get $7
              i32.const 1
              i32.add
              local.set $7
              br $for-loop|00
             end
            end
            loop $for-loop|11
             local.get $11
             i32.const 5
             i32.lt_s
             if
              local.get $13
              local.get $11
              i32.const 4
              i32.shl
              i32.add
              local.tee $7
              v128.load offset=80
              local.set $15
              local.get $7
              v128.load offset=240
              local.set $27
              local.get $7
              v128.load offset=320
              local.set $32
              local.get $30
              local.get $11
              local.get $28
              i32.mul
              i32.add
              local.tee $26
              local.get $7
              v128.load
              local.get $7
              v128.load offset=160
              local.tee $33
              f32x4.sub
              v128.store
              local.get $26
              local.get $28
              i32.const 5
              i32.mul
              i32.add
              local.get $33
              v128.store
              local.get $26
              local.get $28
              i32.const 10
              i32.mul
              i32.add
              local.get $32
              local.get $33
              f32x4.sub
              v128.store
              local.get $26
              local.get $28
              i32.const 15
              i32.mul
              i32.add
              local.get $15
              v128.store
              local.get $26
              local.get $28
              i32.const 20
              i32.mul
              i32.add
              local.get $27
              v128.store
              local.get $11
              i32.const 1
              i32.add
              local.set $11
              br $for-loop|11
             end
            end
           else
            local.get $39
            local.get $8
            i32.const 3
            i32.shl
            i32.add
            local.tee $7
            v128.load
            local.set $41
            local.get $7
            local.get $16
            i32.add
            local.tee $11
            v128.load
            local.tee $42
            local.get $11
            v128.load offset=16
            local.tee $43
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $11
            v128.load offset=8
            local.tee $44
            local.get $11
            v128.load offset=24
            local.tee $45
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.tee $32
            f32x4.sub
            local.set $33
            local.get $11
            local.get $16
            i32.add
            local.tee $11
            v128.load
            local.set $46
            local.get $11
            local.get $16
            i32.add
            local.tee $26
            v128.load
            local.set $34
            local.get $26
            v128.load offset=16
            local.set $35
            local.get $26
            v128.load offset=8
            local.tee $47
            local.get $26
            v128.load offset=24
            local.tee $48
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.set $36
            local.get $30
            local.get $41
            local.get $7
            v128.load offset=16
            local.tee $49
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $7
            v128.load offset=8
            local.tee $50
            local.get $7
            v128.load offset=24
            local.tee $51
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.tee $37
            f32x4.sub
            local.get $46
            local.get $11
            v128.load offset=16
            local.tee $52
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $11
            v128.load offset=8
            local.tee $15
            local.get $11
            v128.load offset=24
            local.tee $27
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.tee $38
            f32x4.sub
            local.tee $53
            f32x4.sub
            v128.store
            local.get $28
            local.get $30
            i32.add
            local.get $41
            local.get $49
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.tee $41
            local.get $37
            f32x4.add
            local.get $46
            local.get $52
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.tee $46
            local.get $38
            f32x4.add
            local.tee $49
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 1
            i32.shl
            i32.add
            local.get $37
            local.get $41
            f32x4.sub
            local.get $38
            local.get $46
            f32x4.sub
            local.tee $37
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 3
            i32.mul
            i32.add
            local.get $41
            local.get $50
            local.get $51
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.sub
            local.get $46
            local.get $15
            local.get $27
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.sub
            local.tee $15
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 2
            i32.shl
            i32.add
            local.get $33
            local.get $53
            f32x4.add
            v128.store
            local.get $30
            local.get $28
            i32.const 5
            i32.mul
            i32.add
            local.get $42
            local.get $43
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.tee $27
            local.get $32
            f32x4.add
            local.tee $38
            local.get $49
            f32x4.add
            v128.store
            local.get $30
            local.get $28
            i32.const 6
            i32.mul
            i32.add
            local.get $32
            local.get $27
            f32x4.sub
            local.tee $32
            local.get $37
            f32x4.add
            v128.store
            local.get $30
            local.get $28
            i32.const 7
            i32.mul
            i32.add
            local.get $27
            local.get $44
            local.get $45
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.sub
            local.tee $27
            local.get $15
            f32x4.add
            v128.store
            local.get $30
            local.get $28
            i32.const 3
            i32.shl
            i32.add
            local.get $53
            local.get $33
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 9
            i32.mul
            i32.add
            local.get $49
            local.get $38
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 10
            i32.mul
            i32.add
            local.get $37
            local.get $32
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 11
            i32.mul
            i32.add
            local.get $15
            local.get $27
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 12
            i32.mul
            i32.add
            local.get $33
            local.get $34
            local.get $35
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $36
            f32x4.sub
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 13
            i32.mul
            i32.add
            local.get $38
            local.get $34
            local.get $35
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.tee $15
            local.get $36
            f32x4.add
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 14
            i32.mul
            i32.add
            local.get $32
            local.get $36
            local.get $15
            f32x4.sub
            f32x4.sub
            v128.store
            local.get $30
            local.get $28
            i32.const 15
            i32.mul
            i32.add
            local.get $27
            local.get $15
            local.get $47
            local.get $48
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.sub
            f32x4.sub
            v128.store
           end
          end
          local.get $8
          i32.const 4
          i32.add
          local.set $8
          br $for-loop|8
         end
        end
        local.get $14
        i32.const 1
        i32.add
        local.set $14
        br $for-loop|7
       end
      end
      local.get $17
      i32.const 1
      i32.add
      local.set $17
      br $for-loop|3
     end
    end
    local.get $18
    i32.const 1
    i32.add
    local.set $18
    br $for-loop|2
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/transformGradients (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 v128)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 i32)
  (local $30 i32)
  (local $31 v128)
  i32.const 2
  local.get $9
  local.get $9
  i32.const 3
  i32.eq
  select
  local.tee $15
  local.get $3
  i32.add
  i32.const 1
  i32.sub
  local.get $15
  i32.div_s
  local.tee $19
  local.get $4
  local.get $15
  i32.add
  i32.const 1
  i32.sub
  local.get $15
  i32.div_s
  local.tee $20
  i32.mul
  local.set $21
  local.get $15
  local.get $20
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  i32.mul
  local.tee $12
  i32.const 2
  i32.shl
  local.set $17
  local.get $15
  local.get $19
  i32.mul
  local.get $12
  i32.mul
  local.set $14
  loop $for-loop|0
   local.get $11
   i32.const 4
   i32.add
   local.tee $12
   local.get $14
   i32.le_s
   if
    local.get $5
    local.get $11
    i32.const 2
    i32.shl
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.store
    local.get $12
    local.set $11
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $11
   local.get $14
   i32.lt_s
   if
    local.get $5
    local.get $11
    i32.const 2
    i32.shl
    i32.add
    f32.const 0
    f32.store
    local.get $11
    i32.const 1
    i32.add
    local.set $11
    br $for-loop|1
   end
  end
  loop $for-loop|2
   local.get $1
   local.get $18
   i32.gt_s
   if
    i32.const 0
    local.set $16
    loop $for-loop|3
     local.get $2
     local.get $16
     i32.gt_s
     if
      local.get $0
      local.get $2
      local.get $18
      i32.mul
      local.get $16
      i32.add
      local.get $3
      i32.mul
      local.get $4
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $22
      i32.const 0
      local.set $14
      loop $for-loop|4
       local.get $3
       local.get $14
       i32.gt_s
       if
        local.get $5
        local.get $14
        local.get $17
        i32.mul
        i32.add
        local.set $23
        local.get $22
        local.get $4
        local.get $14
        i32.mul
        i32.const 2
        i32.shl
        i32.add
        local.set $24
        block $src/kernels/wasm/assembly/memory/copyFloats|inlined.6
         local.get $4
         i32.const 4
         i32.lt_s
         if
          i32.const 0
          local.set $11
          loop $for-loop|5
           local.get $4
           local.get $11
           i32.gt_s
           if
            local.get $11
            i32.const 2
            i32.shl
            local.tee $12
            local.get $23
            i32.add
            local.get $12
            local.get $24
            i32.add
            f32.load
            f32.store
            local.get $11
            i32.const 1
            i32.add
            local.set $11
            br $for-loop|5
           end
          end
          br $src/kernels/wasm/assembly/memory/copyFloats|inlined.6
         end
         i32.const 0
         local.set $11
         loop $for-loop|6
          local.get $11
          i32.const 4
          i32.add
          local.tee $12
          local.get $4
          i32.le_s
          if
           local.get $11
           i32.const 2
           i32.shl
           local.tee $11
           local.get $23
           i32.add
           local.get $11
           local.get $24
           i32.add
           v128.load
           v128.store
           local.get $12
           local.set $11
           br $for-loop|6
          end
         end
         local.get $4
         local.get $11
         i32.gt_s
         if
          local.get $4
          i32.const 4
          i32.sub
          i32.const 2
          i32.shl
          local.tee $11
          local.get $23
          i32.add
          local.get $11
          local.get $24
          i32.add
          v128.load
          v128.store
         end
        end
        local.get $14
        i32.const 1
        i32.add
        local.set $14
        br $for-loop|4
       end
      end
      local.get $6
      local.get $7
      local.get $16
      i32.mul
      i32.add
      local.get $18
      local.get $21
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $12
      i32.const 0
      local.set $11
      loop $for-loop|7
       local.get $11
       local.get $19
       i32.lt_s
       if
        local.get $5
        local.get $11
        local.get $15
        i32.mul
        local.get $17
        i32.mul
        i32.add
        local.set $22
        i32.const 0
        local.set $14
        loop $for-loop|8
         local.get $14
         local.get $20
         i32.lt_s
         if
          local.get $12
          local.get $11
          local.get $20
          i32.mul
          local.get $14
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $23
          local.get $9
          i32.const 4
          i32.eq
          if
           local.get $22
           local.get $14
           i32.const 4
           i32.shl
           i32.add
           local.get $17
           local.get $23
           local.get $8
           local.get $10
           call $src/kernels/wasm/assembly/winograd-f4/gradientTransformF4
          else
           block $src/kernels/wasm/assembly/winograd/gradientTransform2|inlined.0
            local.get $22
            local.get $14
            i32.const 3
            i32.shl
            i32.add
            local.tee $24
            v128.load
            local.tee $13
            local.get $24
            v128.load offset=16
            local.tee $25
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.set $26
            local.get $13
            local.get $25
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.set $25
            local.get $17
            local.get $24
            i32.add
            local.tee $24
            v128.load
            local.tee $13
            local.get $24
            v128.load offset=16
            local.tee $27
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.set $28
            local.get $13
            local.get $27
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            local.set $27
            local.get $9
            i32.const 3
            i32.eq
            if
             local.get $23
             local.get $26
             v128.store
             local.get $8
             local.get $23
             i32.add
             local.get $26
             local.get $25
             f32x4.add
             v128.store
             local.get $8
             i32.const 1
             i32.shl
             local.tee $24
             local.get $23
             i32.add
             local.get $25
             v128.store
             local.get $23
             local.get $8
             i32.const 3
             i32.mul
             i32.add
             local.tee $29
             local.get $26
             local.get $28
             f32x4.add
             local.tee $13
             v128.store
             local.get $8
             local.get $29
             i32.add
             local.get $13
             local.get $25
             local.get $27
             f32x4.add
             local.tee $13
             f32x4.add
             v128.store
             local.get $24
             local.get $29
             i32.add
             local.get $13
             v128.store
             local.get $23
             local.get $8
             i32.const 6
             i32.mul
             i32.add
             local.tee $23
             local.get $28
             v128.store
             local.get $8
             local.get $23
             i32.add
             local.get $28
             local.get $27
             f32x4.add
             v128.store
             local.get $23
             local.get $24
             i32.add
             local.get $27
             v128.store
             br $src/kernels/wasm/assembly/winograd/gradientTransform2|inlined.0
            end
            local.get $23
            local.get $26
            v128.store
            local.get $8
            local.get $23
            i32.add
            local.get $26
            local.get $25
            f32x4.add
            v128.store
            local.get $8
            i32.const 1
            i32.shl
            local.tee $24
            local.get $23
            i32.add
            local.get $26
            local.get $25
            f32x4.sub
            v128.store
            local.get $8
            i32.const 3
            i32.mul
            local.tee $29
            local.get $23
            i32.add
            local.get $25
            f32x4.neg
            v128.store
            local.get $23
            local.get $8
            i32.const 2
            i32.shl
            i32.add
            local.tee $30
            local.get $26
            local.get $28
            f32x4.add
            local.tee $31
            v128.store
            local.get $8
            local.get $30
            i32.add
            local.get $31
            local.get $25
            local.get $27
            f32x4.add
            local.tee $13
            f32x4.add
            v128.store
            local.get $24
            local.get $30
            i32.add
            local.get $31
            local.get $13
            f32x4.sub
            v128.store
            local.get $29
            local.get $30
            i32.add
            local.get $13
            f32x4.neg
            v128.store
            local.get $23
            local.get $8
            i32.const 3
            i32.shl
            i32.add
            local.tee $30
            local.get $26
            local.get $28
            f32x4.sub
            local.tee $13
            v128.store
            local.get $8
            local.get $30
            i32.add
            local.get $13
            local.get $25
            local.get $27
            f32x4.sub
            local.tee $25
            f32x4.add
            v128.store
            local.get $24
            local.get $30
            i32.add
            local.get $13
            local.get $25
            f32x4.sub
            v128.store
            local.get $29
            local.get $30
            i32.add
            local.get $25
            f32x4.neg
            v128.store
            local.get $23
            local.get $8
            i32.const 12
            i32.mul
            i32.add
            local.tee $23
            local.get $28
            f32x4.neg
            local.tee $13
            v128.store
            local.get $8
            local.get $23
            i32.add
            local.get $13
            local.get $27
            f32x4.neg
            local.tee $25
            f32x4.add
            v128.store
            local.get $23
            local.get $24
            i32.add
            local.get $13
            local.get $25
            f32x4.sub
            v128.store
            local.get $23
            local.get $29
            i32.add
            local.get $25
            f32x4.neg
            v128.store
           end
          end
          local.get $14
          i32.const 4
          i32.add
          local.set $14
          br $for-loop|8
         end
        end
        local.get $11
        i32.const 1
        i32.add
        local.set $11
        br $for-loop|7
       end
      end
      local.get $16
      i32.const 1
      i32.add
      local.set $16
      br $for-loop|3
     end
    end
    local.get $18
    i32.const 1
    i32.add
    local.set $18
    br $for-loop|2
   end
  end
 )
 (func $src/kernels/wasm/assembly/pool/maxPool2dBackwardPlanes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  local.get $0
  i32.load offset=12
  local.set $5
  local.get $0
  i32.load offset=16
  local.set $10
  local.get $0
  i32.load offset=20
  local.set $11
  local.get $0
  i32.load offset=24
  local.set $8
  local.get $0
  i32.load offset=32
  local.set $7
  local.get $0
  i32.load offset=56
  local.set $9
  local.get $0
  i32.load offset=52
  if
   local.get $0
   i32.load offset=36
   local.set $4
   local.get $0
   i32.load offset=40
   local.set $12
   local.get $0
   i32.load offset=44
   local.set $13
   local.get $0
   i32.load offset=48
   local.set $14
   local.get $1
   local.set $0
   loop $for-loop|0
    local.get $0
    local.get $2
    i32.lt_s
    if
     local.get $11
     local.get $0
     local.get $10
     i32.mul
     i32.const 2
     i32.shl
     local.tee $6
     i32.add
     local.get $6
     local.get $8
     i32.add
     local.get $3
     local.get $0
     local.get $1
     i32.sub
     local.get $5
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $7
     local.get $0
     local.get $5
     i32.mul
     local.tee $15
     i32.const 2
     i32.shl
     i32.add
     i32.const 0
     local.get $7
     select
     local.get $6
     local.get $9
     i32.add
     i32.const 0
     local.get $9
     select
     local.get $15
     local.get $4
     local.get $12
     local.get $13
     local.get $14
     call $src/kernels/wasm/assembly/pool/plane2x2Backward
     local.get $0
     i32.const 1
     i32.add
     local.set $0
     br $for-loop|0
    end
   end
   return
  end
  local.get $2
  local.get $1
  i32.sub
  local.get $5
  i32.mul
  local.set $9
  loop $for-loop|1
   local.get $4
   i32.const 4
   i32.add
   local.tee $0
   local.get $9
   i32.le_s
   if
    local.get $3
    local.get $4
    i32.const 2
    i32.shl
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.store
    local.get $0
    local.set $4
    br $for-loop|1
   end
  end
  loop $for-loop|2
   local.get $4
   local.get $9
   i32.lt_s
   if
    local.get $3
    local.get $4
    i32.const 2
    i32.shl
    i32.add
    f32.const 0
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|2
   end
  end
  local.get $1
  local.get $10
  i32.mul
  i32.const 2
  i32.shl
  local.tee $0
  local.get $11
  i32.add
  local.set $4
  local.get $0
  local.get $8
  i32.add
  local.set $0
  local.get $2
  local.get $1
  i32.sub
  local.get $10
  i32.mul
  local.set $2
  local.get $1
  local.get $5
  i32.mul
  local.set $8
  loop $for-loop|00
   local.get $2
   local.get $6
   i32.gt_s
   if
    local.get $3
    local.get $0
    local.get $6
    i32.const 2
    i32.shl
    local.tee $10
    i32.add
    i32.load
    local.get $8
    i32.sub
    i32.const 2
    i32.shl
    i32.add
    local.tee $11
    local.get $11
    f32.load
    local.get $4
    local.get $10
    i32.add
    f32.load
    f32.add
    f32.store
    local.get $6
    i32.const 1
    i32.add
    local.set $6
    br $for-loop|00
   end
  end
  local.get $7
  if
   local.get $7
   local.get $1
   local.get $5
   i32.mul
   i32.const 2
   i32.shl
   i32.add
   local.set $2
   i32.const 0
   local.set $0
   loop $for-loop|01
    local.get $0
    i32.const 4
    i32.add
    local.tee $1
    local.get $9
    i32.le_s
    if
     local.get $0
     i32.const 2
     i32.shl
     local.tee $0
     local.get $3
     i32.add
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     local.get $0
     local.get $2
     i32.add
     v128.load
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.gt
     v128.and
     local.get $0
     local.get $3
     i32.add
     v128.load
     f32x4.mul
     v128.store
     local.get $1
     local.set $0
     br $for-loop|01
    end
   end
   loop $for-loop|12
    local.get $0
    local.get $9
    i32.lt_s
    if
     local.get $0
     i32.const 2
     i32.shl
     local.tee $1
     local.get $3
     i32.add
     f32.const 1
     f32.const 0
     local.get $1
     local.get $2
     i32.add
     f32.load
     f32.const 0
     f32.gt
     select
     local.get $1
     local.get $3
     i32.add
     f32.load
     f32.mul
     f32.store
     local.get $0
     i32.const 1
     i32.add
     local.set $0
     br $for-loop|12
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/index/runItem (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i64)
  (local $4 i64)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  local.get $0
  i32.load
  local.tee $5
  i32.const 1
  i32.eq
  if
   block $__inlined_func$src/kernels/wasm/assembly/index/gemmItem
    local.get $0
    i32.load offset=4
    i32.const 0
    i32.ne
    local.set $5
    local.get $0
    i32.load offset=8
    i32.const 0
    i32.ne
    local.set $6
    local.get $0
    i32.load offset=20
    local.set $7
    local.get $0
    i32.load offset=24
    local.set $8
    local.get $0
    i32.load offset=32
    local.set $13
    local.get $0
    i32.load offset=40
    local.set $14
    local.get $0
    i32.load offset=28
    local.set $9
    local.get $0
    i32.load offset=36
    local.set $10
    local.get $0
    i32.load offset=44
    local.set $11
    local.get $0
    i32.load offset=48
    i32.const 0
    i32.ne
    local.set $15
    local.get $0
    i32.load offset=52
    local.get $2
    local.get $0
    i32.load offset=56
    i32.mul
    i32.add
    local.set $16
    local.get $0
    i32.load offset=68
    local.set $17
    i32.const 4
    i32.const 8
    local.get $0
    i32.load offset=60
    i32.const 0
    i32.ne
    local.tee $18
    select
    local.tee $12
    local.get $0
    i32.load offset=12
    local.tee $19
    local.get $0
    i32.load offset=16
    local.tee $2
    local.get $18
    select
    local.tee $20
    local.get $12
    i32.add
    i32.const 1
    i32.sub
    local.get $12
    i32.div_s
    i64.extend_i32_s
    local.tee $3
    local.get $1
    i64.extend_i32_s
    i64.mul
    local.get $0
    i32.const -64
    i32.sub
    i64.load32_s
    local.tee $4
    i64.div_s
    i32.wrap_i64
    i32.mul
    local.tee $0
    local.get $20
    local.get $1
    i32.const 1
    i32.add
    i64.extend_i32_s
    local.get $3
    i64.mul
    local.get $4
    i64.div_s
    i32.wrap_i64
    local.get $12
    i32.mul
    local.tee $1
    local.get $1
    local.get $20
    i32.gt_s
    select
    local.tee $1
    i32.ge_s
    br_if $__inlined_func$src/kernels/wasm/assembly/index/gemmItem
    local.get $18
    if
     local.get $5
     local.get $6
     local.get $1
     local.get $0
     i32.sub
     local.get $2
     local.get $7
     local.get $8
     local.get $0
     i32.const 2
     i32.shl
     local.get $0
     local.get $9
     i32.mul
     i32.const 2
     i32.shl
     local.get $5
     select
     i32.add
     local.get $9
     local.get $13
     local.get $10
     local.get $14
     local.get $0
     local.get $11
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $11
     local.get $15
     local.get $16
     i32.const 0
     local.get $17
     i32.const 0
     call $src/kernels/wasm/assembly/gemm/gemm
    else
     local.get $5
     local.get $6
     local.get $19
     local.get $1
     local.get $0
     i32.sub
     local.get $7
     local.get $8
     local.get $9
     local.get $13
     local.get $0
     local.get $10
     i32.mul
     i32.const 2
     i32.shl
     local.get $0
     i32.const 2
     i32.shl
     local.tee $0
     local.get $6
     select
     i32.add
     local.get $10
     local.get $0
     local.get $14
     i32.add
     local.get $11
     local.get $15
     local.get $16
     local.get $17
     i32.const 0
     i32.const 0
     call $src/kernels/wasm/assembly/gemm/gemm
    end
   end
  else
   local.get $5
   i32.const 2
   i32.eq
   if
    block $__inlined_func$src/kernels/wasm/assembly/conv/conv2dForwardItem$9
     local.get $0
     i32.load offset=96
     local.tee $5
     i32.eqz
     if
      local.get $0
      local.get $1
      local.get $2
      call $src/kernels/wasm/assembly/conv/conv2dForwardSample
      br $__inlined_func$src/kernels/wasm/assembly/conv/conv2dForwardItem$9
     end
     local.get $0
     i32.load offset=68
     local.get $0
     i32.load offset=16
     local.tee $6
     local.get $0
     i32.load offset=12
     local.tee $7
     local.get $0
     i32.load offset=100
     local.tee $8
     local.get $1
     i32.mul
     local.tee $1
     local.get $0
     i32.load offset=8
     local.tee $9
     i32.mul
     i32.mul
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $0
     i32.load offset=4
     local.tee $10
     local.get $1
     local.get $8
     i32.add
     local.tee $11
     local.get $10
     local.get $11
     i32.lt_s
     select
     local.get $1
     i32.sub
     local.get $9
     local.get $7
     local.get $6
     local.get $0
     i32.load offset=40
     local.get $0
     i32.load offset=44
     local.get $0
     i32.load offset=60
     local.tee $6
     local.get $0
     i32.const -64
     i32.sub
     i32.load
     local.tee $7
     local.get $5
     local.get $0
     i32.load offset=20
     local.tee $5
     local.get $0
     i32.load offset=76
     local.get $0
     i32.load offset=92
     i32.const 0
     i32.ne
     local.get $0
     i32.load offset=80
     local.get $1
     local.get $5
     i32.mul
     local.get $6
     i32.mul
     local.get $7
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $0
     i32.load offset=84
     local.get $2
     local.get $0
     i32.load offset=88
     i32.mul
     i32.add
     local.tee $1
     local.get $9
     local.get $5
     local.get $6
     local.get $7
     local.get $8
     local.get $0
     i32.load offset=104
     local.tee $0
     call $src/kernels/wasm/assembly/winograd/winogradWorkBytes
     local.get $1
     i32.add
     local.get $0
     call $src/kernels/wasm/assembly/winograd/winogradSamples
    end
   else
    local.get $5
    i32.const 3
    i32.eq
    if
     local.get $0
     local.get $1
     local.get $2
     call $src/kernels/wasm/assembly/conv/conv2dBackwardPiece
    else
     local.get $5
     i32.const 8
     i32.eq
     if
      local.get $0
      local.get $1
      call $src/kernels/wasm/assembly/index/elementwiseItem
     else
      local.get $5
      i32.const 9
      i32.eq
      if
       block $__inlined_func$src/kernels/wasm/assembly/index/gemmPackItem$1
        local.get $0
        i32.load offset=8
        i32.const 0
        i32.ne
        local.set $2
        local.get $0
        i32.load offset=12
        local.set $5
        local.get $0
        i32.load offset=16
        local.set $6
        local.get $0
        i32.load offset=24
        local.set $7
        local.get $0
        i32.load offset=28
        local.set $8
        local.get $0
        i32.load offset=32
        local.tee $9
        local.get $1
        i32.mul
        local.tee $1
        local.get $0
        i32.load offset=20
        local.tee $10
        i32.const 8
        i32.const 4
        local.get $0
        i32.load offset=4
        i32.const 0
        i32.ne
        local.tee $0
        select
        local.tee $11
        i32.add
        i32.const 1
        i32.sub
        local.get $11
        i32.div_s
        local.tee $11
        local.get $1
        local.get $9
        i32.add
        local.tee $9
        local.get $9
        local.get $11
        i32.gt_s
        select
        local.tee $9
        i32.ge_s
        br_if $__inlined_func$src/kernels/wasm/assembly/index/gemmPackItem$1
        local.get $0
        if
         local.get $10
         i32.const 7
         i32.add
         i32.const 8
         i32.div_s
         i32.const 3
         i32.shl
         local.set $11
         local.get $10
         local.get $9
         i32.const 3
         i32.shl
         local.tee $0
         local.get $0
         local.get $10
         i32.gt_s
         select
         local.get $1
         i32.const 3
         i32.shl
         local.tee $1
         i32.sub
         local.set $9
         i32.const 0
         local.set $0
         loop $for-loop|0
          local.get $0
          local.get $7
          i32.lt_s
          if
           local.get $2
           local.get $5
           local.get $6
           local.get $0
           local.get $1
           i32.const 256
           local.get $7
           local.get $0
           i32.sub
           local.tee $10
           local.get $10
           i32.const 256
           i32.gt_s
           select
           local.tee $10
           local.get $9
           local.get $8
           local.get $0
           local.get $11
           i32.mul
           local.get $1
           local.get $10
           i32.mul
           i32.add
           i32.const 2
           i32.shl
           i32.add
           call $src/kernels/wasm/assembly/gemm/packB
           local.get $0
           i32.const 256
           i32.add
           local.set $0
           br $for-loop|0
          end
         end
        else
         local.get $10
         i32.const 3
         i32.add
         i32.const 4
         i32.div_s
         i32.const 2
         i32.shl
         local.set $11
         local.get $10
         local.get $9
         i32.const 2
         i32.shl
         local.tee $0
         local.get $0
         local.get $10
         i32.gt_s
         select
         local.get $1
         i32.const 2
         i32.shl
         local.tee $1
         i32.sub
         local.set $9
         i32.const 0
         local.set $0
         loop $for-loop|00
          local.get $0
          local.get $7
          i32.lt_s
          if
           local.get $2
           local.get $5
           local.get $6
           local.get $1
           local.get $0
           local.get $9
           i32.const 256
           local.get $7
           local.get $0
           i32.sub
           local.tee $10
           local.get $10
           i32.const 256
           i32.gt_s
           select
           local.tee $10
           local.get $8
           local.get $0
           local.get $11
           i32.mul
           local.get $1
           local.get $10
           i32.mul
           i32.add
           i32.const 2
           i32.shl
           i32.add
           call $src/kernels/wasm/assembly/gemm/packA
           local.get $0
           i32.const 256
           i32.add
           local.set $0
           br $for-loop|00
          end
         end
        end
       end
      else
       local.get $5
       i32.const 4
       i32.eq
       if
        local.get $0
        i32.load offset=80
        local.tee $2
        local.get $1
        i32.const 1
        i32.add
        i32.mul
        local.set $5
        local.get $0
        local.get $1
        local.get $2
        i32.mul
        local.get $0
        i32.load offset=4
        local.get $0
        i32.load offset=8
        i32.mul
        local.tee $0
        local.get $5
        local.get $0
        local.get $5
        i32.lt_s
        select
        call $src/kernels/wasm/assembly/pool/maxPool2dPlanes
       else
        local.get $5
        i32.const 11
        i32.eq
        if
         local.get $0
         i32.load offset=4
         local.tee $2
         local.get $1
         i32.mul
         local.tee $1
         local.get $0
         i32.load offset=8
         local.tee $5
         local.get $1
         local.get $2
         i32.add
         local.tee $2
         local.get $2
         local.get $5
         i32.gt_s
         select
         local.tee $2
         i32.lt_s
         if
          local.get $0
          local.get $1
          local.get $2
          local.get $0
          i32.load offset=28
          local.get $1
          local.get $0
          i32.load offset=12
          i32.mul
          i32.const 2
          i32.shl
          i32.add
          call $src/kernels/wasm/assembly/pool/maxPool2dBackwardPlanes
         end
        else
         local.get $5
         i32.const 10
         i32.eq
         if
          local.get $0
          i32.load offset=4
          local.get $0
          i32.load offset=8
          local.get $0
          i32.load offset=12
          local.get $0
          i32.load offset=16
          local.get $0
          i32.load offset=20
          i32.const 0
          i32.ne
          local.get $1
          local.get $0
          i32.load offset=24
          local.tee $1
          i32.mul
          local.tee $5
          local.get $0
          i32.load offset=28
          local.tee $6
          local.get $1
          local.get $5
          i32.add
          local.tee $1
          local.get $1
          local.get $6
          i32.gt_s
          select
          local.get $0
          i32.load offset=32
          local.get $0
          i32.load offset=36
          local.get $2
          i32.const 576
          i32.mul
          i32.add
          call $src/kernels/wasm/assembly/winograd/winogradKernelRows
         else
          local.get $5
          i32.const 7
          i32.le_s
          local.get $5
          i32.const 5
          i32.ge_s
          i32.and
          if
           local.get $0
           i32.const 8
           i32.add
           local.tee $2
           i32.load offset=4
           local.tee $6
           local.get $0
           i32.load offset=4
           local.tee $0
           local.get $1
           i32.mul
           local.tee $1
           local.get $0
           i32.add
           local.tee $0
           local.get $0
           local.get $6
           i32.gt_s
           select
           local.set $0
           local.get $5
           i32.const 5
           i32.eq
           if
            local.get $2
            local.get $1
            local.get $0
            call $src/kernels/wasm/assembly/batch-norm/batchNormStatsChannels
           else
            local.get $5
            i32.const 6
            i32.eq
            if
             local.get $2
             local.get $1
             local.get $0
             call $src/kernels/wasm/assembly/batch-norm/batchNormForwardChannels
            else
             local.get $2
             local.get $1
             local.get $0
             call $src/kernels/wasm/assembly/batch-norm/batchNormBackwardChannels
            end
           end
          end
         end
        end
       end
      end
     end
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/group-norm/normalise (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 f64) (param $5 f64) (param $6 i32) (param $7 i32) (param $8 i32)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 i32)
  (local $14 v128)
  (local $15 v128)
  (local $16 f64)
  (local $17 v128)
  (local $18 v128)
  (local $19 i32)
  local.get $4
  f64x2.splat
  local.set $18
  local.get $5
  f64x2.splat
  local.set $17
  local.get $6
  f32.load
  f32x4.splat
  local.set $11
  local.get $7
  f32.load
  f32x4.splat
  local.set $9
  loop $for-loop|0
   local.get $19
   i32.const 4
   i32.add
   local.get $3
   i32.le_s
   if
    local.get $19
    i32.const 2
    i32.shl
    local.tee $13
    local.get $0
    i32.add
    v128.load
    local.set $14
    local.get $8
    if (result v128)
     local.get $6
     local.get $13
     i32.add
     v128.load
    else
     local.get $11
    end
    local.set $12
    local.get $8
    if (result v128)
     local.get $7
     local.get $13
     i32.add
     v128.load
    else
     local.get $9
    end
    local.set $10
    local.get $2
    local.get $13
    i32.add
    local.get $14
    f64x2.promote_low_f32x4
    local.get $18
    f64x2.sub
    local.get $17
    f64x2.mul
    local.tee $15
    f32x4.demote_f64x2_zero
    local.get $14
    local.get $14
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.get $18
    f64x2.sub
    local.get $17
    f64x2.mul
    local.tee $14
    f32x4.demote_f64x2_zero
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $1
    local.get $13
    i32.add
    local.get $12
    f64x2.promote_low_f32x4
    local.get $15
    f64x2.mul
    local.get $10
    f64x2.promote_low_f32x4
    f64x2.add
    f32x4.demote_f64x2_zero
    local.get $12
    local.get $12
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.get $14
    f64x2.mul
    local.get $10
    local.get $10
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.add
    f32x4.demote_f64x2_zero
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $19
    i32.const 4
    i32.add
    local.set $19
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $19
   i32.gt_s
   if
    local.get $19
    i32.const 2
    i32.shl
    local.tee $13
    local.get $0
    i32.add
    f32.load
    f64.promote_f32
    local.get $4
    f64.sub
    local.get $5
    f64.mul
    local.set $16
    local.get $2
    local.get $13
    i32.add
    local.get $16
    f32.demote_f64
    f32.store
    local.get $1
    local.get $13
    i32.add
    local.get $8
    local.get $19
    i32.mul
    i32.const 2
    i32.shl
    local.tee $13
    local.get $6
    i32.add
    f32.load
    f64.promote_f32
    local.get $16
    f64.mul
    local.get $7
    local.get $13
    i32.add
    f32.load
    f64.promote_f32
    f64.add
    f32.demote_f64
    f32.store
    local.get $19
    i32.const 1
    i32.add
    local.set $19
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/group-norm/inputGradient (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 f64) (param $5 f64) (param $6 f64) (param $7 i32) (param $8 i32)
  (local $9 v128)
  (local $10 v128)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 i32)
  local.get $4
  f64x2.splat
  local.set $16
  local.get $5
  f64x2.splat
  local.set $15
  local.get $6
  f64x2.splat
  local.set $14
  local.get $7
  f32.load
  f32x4.splat
  local.set $9
  loop $for-loop|0
   local.get $17
   i32.const 4
   i32.add
   local.get $3
   i32.le_s
   if
    local.get $17
    i32.const 2
    i32.shl
    local.tee $11
    local.get $2
    i32.add
    local.get $16
    local.get $8
    if (result v128)
     local.get $7
     local.get $11
     i32.add
     v128.load
    else
     local.get $9
    end
    local.tee $10
    f64x2.promote_low_f32x4
    local.get $0
    local.get $11
    i32.add
    v128.load
    local.tee $13
    f64x2.promote_low_f32x4
    f64x2.mul
    local.get $15
    f64x2.sub
    local.get $1
    local.get $11
    i32.add
    v128.load
    local.tee $12
    f64x2.promote_low_f32x4
    local.get $14
    f64x2.mul
    f64x2.sub
    f64x2.mul
    f32x4.demote_f64x2_zero
    local.get $16
    local.get $10
    local.get $10
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.get $13
    local.get $13
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.mul
    local.get $15
    f64x2.sub
    local.get $12
    local.get $12
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.get $14
    f64x2.mul
    f64x2.sub
    f64x2.mul
    f32x4.demote_f64x2_zero
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $17
    i32.const 4
    i32.add
    local.set $17
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $17
   i32.gt_s
   if
    local.get $17
    i32.const 2
    i32.shl
    local.tee $11
    local.get $2
    i32.add
    local.get $4
    local.get $7
    local.get $8
    local.get $17
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f64.promote_f32
    local.get $0
    local.get $11
    i32.add
    f32.load
    f64.promote_f32
    f64.mul
    local.get $5
    f64.sub
    local.get $1
    local.get $11
    i32.add
    f32.load
    f64.promote_f32
    local.get $6
    f64.mul
    f64.sub
    f64.mul
    f32.demote_f64
    f32.store
    local.get $17
    i32.const 1
    i32.add
    local.set $17
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/gemm/packA (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 v128)
  (local $21 v128)
  loop $for-loop|0
   local.get $5
   local.get $11
   i32.gt_s
   if
    i32.const 4
    local.get $5
    local.get $11
    i32.sub
    local.tee $8
    local.get $8
    i32.const 4
    i32.gt_s
    select
    local.set $10
    local.get $7
    local.get $6
    local.get $11
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $14
    local.get $0
    if
     i32.const 0
     local.set $9
     loop $for-loop|1
      local.get $6
      local.get $9
      i32.gt_s
      if
       local.get $1
       local.get $4
       local.get $9
       i32.add
       local.get $2
       i32.mul
       local.get $3
       i32.add
       local.get $11
       i32.add
       i32.const 2
       i32.shl
       i32.add
       local.set $17
       local.get $14
       local.get $9
       i32.const 4
       i32.shl
       i32.add
       local.set $18
       local.get $10
       i32.const 4
       i32.eq
       if
        local.get $18
        local.get $17
        v128.load
        v128.store
       else
        i32.const 0
        local.set $8
        loop $for-loop|2
         local.get $8
         i32.const 4
         i32.lt_s
         if
          local.get $8
          i32.const 2
          i32.shl
          local.tee $19
          local.get $18
          i32.add
          local.get $8
          local.get $10
          i32.lt_s
          if (result f32)
           local.get $17
           local.get $19
           i32.add
           f32.load
          else
           f32.const 0
          end
          f32.store
          local.get $8
          i32.const 1
          i32.add
          local.set $8
          br $for-loop|2
         end
        end
       end
       local.get $9
       i32.const 1
       i32.add
       local.set $9
       br $for-loop|1
      end
     end
    else
     local.get $1
     local.get $3
     local.get $11
     i32.add
     local.get $2
     i32.mul
     local.get $4
     i32.add
     i32.const 2
     i32.shl
     i32.add
     local.set $17
     local.get $2
     i32.const 2
     i32.shl
     local.set $18
     i32.const 0
     local.set $9
     loop $for-loop|00
      local.get $9
      i32.const 4
      i32.add
      local.get $6
      i32.le_s
      if
       local.get $17
       local.get $9
       i32.const 2
       i32.shl
       i32.add
       local.set $8
       local.get $14
       local.get $9
       i32.const 4
       i32.shl
       i32.add
       local.tee $19
       block $src/kernels/wasm/assembly/gemm/panelRow|inlined.8 (result v128)
        local.get $10
        i32.const 0
        i32.gt_s
        if
         local.get $8
         v128.load
         br $src/kernels/wasm/assembly/gemm/panelRow|inlined.8
        end
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.tee $20
       block $src/kernels/wasm/assembly/gemm/panelRow|inlined.9 (result v128)
        local.get $10
        i32.const 1
        i32.gt_s
        if
         local.get $8
         local.get $18
         i32.add
         v128.load
         br $src/kernels/wasm/assembly/gemm/panelRow|inlined.9
        end
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.tee $15
       i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
       local.tee $21
       block $src/kernels/wasm/assembly/gemm/panelRow|inlined.10 (result v128)
        local.get $10
        i32.const 2
        i32.gt_s
        if
         local.get $8
         local.get $18
         i32.const 1
         i32.shl
         i32.add
         v128.load
         br $src/kernels/wasm/assembly/gemm/panelRow|inlined.10
        end
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.tee $16
       block $src/kernels/wasm/assembly/gemm/panelRow|inlined.11 (result v128)
        local.get $10
        i32.const 3
        i32.gt_s
        if
         local.get $8
         local.get $18
         i32.const 3
         i32.mul
         i32.add
         v128.load
         br $src/kernels/wasm/assembly/gemm/panelRow|inlined.11
        end
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.tee $12
       i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
       local.tee $13
       i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
       v128.store
       local.get $19
       local.get $21
       local.get $13
       i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
       v128.store offset=16
       local.get $19
       local.get $20
       local.get $15
       i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
       local.tee $13
       local.get $16
       local.get $12
       i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
       local.tee $12
       i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
       v128.store offset=32
       local.get $19
       local.get $13
       local.get $12
       i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
       v128.store offset=48
       local.get $9
       i32.const 4
       i32.add
       local.set $9
       br $for-loop|00
      end
     end
     loop $for-loop|11
      local.get $6
      local.get $9
      i32.gt_s
      if
       i32.const 0
       local.set $8
       loop $for-loop|22
        local.get $8
        i32.const 4
        i32.lt_s
        if
         local.get $14
         local.get $9
         i32.const 2
         i32.shl
         local.tee $19
         local.get $8
         i32.add
         i32.const 2
         i32.shl
         i32.add
         local.get $8
         local.get $10
         i32.lt_s
         if (result f32)
          local.get $17
          local.get $8
          local.get $18
          i32.mul
          i32.add
          local.get $19
          i32.add
          f32.load
         else
          f32.const 0
         end
         f32.store
         local.get $8
         i32.const 1
         i32.add
         local.set $8
         br $for-loop|22
        end
       end
       local.get $9
       i32.const 1
       i32.add
       local.set $9
       br $for-loop|11
      end
     end
    end
    local.get $11
    i32.const 4
    i32.add
    local.set $11
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/padPlanes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  local.get $3
  local.get $7
  local.get $5
  i32.sub
  local.tee $9
  local.get $3
  local.get $9
  i32.lt_s
  select
  local.set $12
  loop $for-loop|0
   local.get $1
   local.get $14
   i32.gt_s
   if
    local.get $8
    local.get $6
    local.get $14
    i32.mul
    local.get $7
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $15
    i32.const 0
    local.set $13
    loop $for-loop|1
     local.get $6
     local.get $13
     i32.gt_s
     if
      local.get $15
      local.get $7
      local.get $13
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $9
      block $for-continue|1
       local.get $13
       local.get $4
       i32.sub
       local.tee $16
       i32.const 0
       i32.lt_s
       local.get $2
       local.get $16
       i32.le_s
       i32.or
       local.get $12
       i32.const 0
       i32.le_s
       i32.or
       if
        local.get $9
        local.set $11
        i32.const 0
        local.set $9
        loop $for-loop|2
         local.get $9
         i32.const 4
         i32.add
         local.tee $10
         local.get $7
         i32.le_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store
          local.get $10
          local.set $9
          br $for-loop|2
         end
        end
        loop $for-loop|3
         local.get $7
         local.get $9
         i32.gt_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          i32.add
          f32.const 0
          f32.store
          local.get $9
          i32.const 1
          i32.add
          local.set $9
          br $for-loop|3
         end
        end
        br $for-continue|1
       end
       local.get $9
       local.set $11
       i32.const 0
       local.set $9
       loop $for-loop|4
        local.get $9
        i32.const 4
        i32.add
        local.tee $10
        local.get $5
        i32.le_s
        if
         local.get $11
         local.get $9
         i32.const 2
         i32.shl
         i32.add
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         v128.store
         local.get $10
         local.set $9
         br $for-loop|4
        end
       end
       loop $for-loop|5
        local.get $5
        local.get $9
        i32.gt_s
        if
         local.get $11
         local.get $9
         i32.const 2
         i32.shl
         i32.add
         f32.const 0
         f32.store
         local.get $9
         i32.const 1
         i32.add
         local.set $9
         br $for-loop|5
        end
       end
       local.get $11
       local.get $5
       i32.const 2
       i32.shl
       i32.add
       local.set $17
       local.get $0
       local.get $2
       local.get $14
       i32.mul
       local.get $16
       i32.add
       local.get $3
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.set $16
       block $src/kernels/wasm/assembly/memory/copyFloats|inlined.0
        local.get $12
        i32.const 4
        i32.lt_s
        if
         i32.const 0
         local.set $9
         loop $for-loop|6
          local.get $9
          local.get $12
          i32.lt_s
          if
           local.get $9
           i32.const 2
           i32.shl
           local.tee $10
           local.get $17
           i32.add
           local.get $10
           local.get $16
           i32.add
           f32.load
           f32.store
           local.get $9
           i32.const 1
           i32.add
           local.set $9
           br $for-loop|6
          end
         end
         br $src/kernels/wasm/assembly/memory/copyFloats|inlined.0
        end
        i32.const 0
        local.set $9
        loop $for-loop|7
         local.get $9
         i32.const 4
         i32.add
         local.tee $10
         local.get $12
         i32.le_s
         if
          local.get $9
          i32.const 2
          i32.shl
          local.tee $9
          local.get $17
          i32.add
          local.get $9
          local.get $16
          i32.add
          v128.load
          v128.store
          local.get $10
          local.set $9
          br $for-loop|7
         end
        end
        local.get $9
        local.get $12
        i32.lt_s
        if
         local.get $12
         i32.const 4
         i32.sub
         i32.const 2
         i32.shl
         local.tee $9
         local.get $17
         i32.add
         local.get $9
         local.get $16
         i32.add
         v128.load
         v128.store
        end
       end
       local.get $11
       local.get $5
       local.get $12
       i32.add
       i32.const 2
       i32.shl
       i32.add
       local.set $11
       local.get $7
       local.get $5
       i32.sub
       local.get $12
       i32.sub
       local.set $16
       i32.const 0
       local.set $9
       loop $for-loop|8
        local.get $9
        i32.const 4
        i32.add
        local.tee $10
        local.get $16
        i32.le_s
        if
         local.get $11
         local.get $9
         i32.const 2
         i32.shl
         i32.add
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         v128.store
         local.get $10
         local.set $9
         br $for-loop|8
        end
       end
       loop $for-loop|9
        local.get $9
        local.get $16
        i32.lt_s
        if
         local.get $11
         local.get $9
         i32.const 2
         i32.shl
         i32.add
         f32.const 0
         f32.store
         local.get $9
         i32.const 1
         i32.add
         local.set $9
         br $for-loop|9
        end
       end
      end
      local.get $13
      i32.const 1
      i32.add
      local.set $13
      br $for-loop|1
     end
    end
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/im2colStride1 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  loop $for-loop|0
   local.get $1
   local.get $14
   i32.gt_s
   if
    i32.const 0
    local.set $12
    loop $for-loop|1
     local.get $4
     local.get $12
     i32.gt_s
     if
      i32.const 0
      local.set $13
      loop $for-loop|2
       local.get $5
       local.get $13
       i32.gt_s
       if
        local.get $0
        local.get $2
        local.get $14
        i32.mul
        local.get $12
        i32.add
        local.get $3
        i32.mul
        local.get $13
        i32.add
        i32.const 2
        i32.shl
        i32.add
        local.set $11
        i32.const 0
        local.set $15
        loop $for-loop|3
         local.get $6
         local.get $15
         i32.gt_s
         if
          local.get $8
          local.set $10
          block $src/kernels/wasm/assembly/memory/copyFloats|inlined.1
           local.get $7
           i32.const 4
           i32.lt_s
           if
            i32.const 0
            local.set $8
            loop $for-loop|4
             local.get $7
             local.get $8
             i32.gt_s
             if
              local.get $8
              i32.const 2
              i32.shl
              local.tee $9
              local.get $10
              i32.add
              local.get $9
              local.get $11
              i32.add
              f32.load
              f32.store
              local.get $8
              i32.const 1
              i32.add
              local.set $8
              br $for-loop|4
             end
            end
            br $src/kernels/wasm/assembly/memory/copyFloats|inlined.1
           end
           i32.const 0
           local.set $8
           loop $for-loop|5
            local.get $8
            i32.const 4
            i32.add
            local.tee $9
            local.get $7
            i32.le_s
            if
             local.get $8
             i32.const 2
             i32.shl
             local.tee $8
             local.get $10
             i32.add
             local.get $8
             local.get $11
             i32.add
             v128.load
             v128.store
             local.get $9
             local.set $8
             br $for-loop|5
            end
           end
           local.get $7
           local.get $8
           i32.gt_s
           if
            local.get $7
            i32.const 4
            i32.sub
            i32.const 2
            i32.shl
            local.tee $8
            local.get $10
            i32.add
            local.get $8
            local.get $11
            i32.add
            v128.load
            v128.store
           end
          end
          local.get $10
          local.get $7
          i32.const 2
          i32.shl
          i32.add
          local.set $8
          local.get $11
          local.get $3
          i32.const 2
          i32.shl
          i32.add
          local.set $11
          local.get $15
          i32.const 1
          i32.add
          local.set $15
          br $for-loop|3
         end
        end
        local.get $13
        i32.const 1
        i32.add
        local.set $13
        br $for-loop|2
       end
      end
      local.get $12
      i32.const 1
      i32.add
      local.set $12
      br $for-loop|1
     end
    end
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/im2colSample (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  local.get $0
  i32.load offset=12
  local.set $11
  local.get $0
  i32.load offset=16
  local.set $12
  local.get $0
  i32.load offset=24
  local.set $17
  local.get $0
  i32.load offset=28
  local.set $18
  local.get $0
  i32.load offset=40
  local.set $21
  local.get $0
  i32.load offset=44
  local.set $22
  local.get $0
  i32.load offset=60
  local.set $10
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  local.set $8
  local.get $0
  i32.load offset=36
  local.tee $9
  i32.const 1
  i32.eq
  local.get $0
  i32.load offset=32
  local.tee $13
  i32.const 1
  i32.eq
  i32.and
  local.get $0
  i32.load offset=48
  local.tee $26
  i32.const 1
  i32.eq
  i32.and
  local.get $0
  i32.load offset=52
  local.tee $27
  i32.const 1
  i32.eq
  i32.and
  if
   local.get $21
   local.get $22
   i32.or
   i32.eqz
   local.get $10
   local.get $17
   i32.add
   i32.const 1
   i32.sub
   local.tee $0
   local.get $11
   i32.eq
   i32.and
   local.get $8
   local.get $18
   i32.add
   i32.const 1
   i32.sub
   local.tee $5
   local.get $12
   i32.eq
   i32.and
   if
    local.get $1
    local.get $2
    local.get $11
    local.get $12
    local.get $17
    local.get $18
    local.get $10
    local.get $8
    local.get $3
    call $src/kernels/wasm/assembly/conv/im2colStride1
   else
    local.get $1
    local.get $2
    local.get $11
    local.get $12
    local.get $21
    local.get $22
    local.get $0
    local.get $5
    local.get $4
    call $src/kernels/wasm/assembly/conv/padPlanes
    local.get $4
    local.get $2
    local.get $0
    local.get $5
    local.get $17
    local.get $18
    local.get $10
    local.get $8
    local.get $3
    call $src/kernels/wasm/assembly/conv/im2colStride1
   end
   return
  end
  local.get $8
  i32.const 2
  i32.shl
  local.set $23
  local.get $3
  local.set $4
  loop $for-loop|0
   local.get $2
   local.get $24
   i32.gt_s
   if
    i32.const 0
    local.set $19
    loop $for-loop|1
     local.get $17
     local.get $19
     i32.gt_s
     if
      local.get $19
      local.get $26
      i32.mul
      local.get $21
      i32.sub
      local.tee $14
      i32.const 0
      i32.ge_s
      if (result i32)
       i32.const 0
      else
       local.get $10
       local.get $13
       i32.const 1
       i32.eq
       if (result i32)
        i32.const 0
        local.get $14
        i32.sub
       else
        local.get $13
        local.get $14
        i32.sub
        i32.const 1
        i32.sub
        local.get $13
        i32.div_s
       end
       local.tee $0
       local.get $0
       local.get $10
       i32.gt_s
       select
      end
      local.tee $6
      local.get $11
      local.get $14
      i32.le_s
      if (result i32)
       i32.const 0
      else
       local.get $10
       local.get $13
       i32.const 1
       i32.eq
       if (result i32)
        local.get $11
        local.get $14
        i32.sub
       else
        local.get $11
        local.get $14
        i32.sub
        local.get $13
        i32.add
        i32.const 1
        i32.sub
        local.get $13
        i32.div_s
       end
       local.tee $0
       local.get $0
       local.get $10
       i32.gt_s
       select
      end
      local.tee $0
      local.get $0
      local.get $6
      i32.lt_s
      select
      local.set $25
      i32.const 0
      local.set $20
      loop $for-loop|2
       local.get $18
       local.get $20
       i32.gt_s
       if
        local.get $20
        local.get $27
        i32.mul
        local.get $22
        i32.sub
        local.tee $15
        i32.const 0
        i32.ge_s
        if (result i32)
         i32.const 0
        else
         local.get $8
         local.get $9
         i32.const 1
         i32.eq
         if (result i32)
          i32.const 0
          local.get $15
          i32.sub
         else
          local.get $9
          local.get $15
          i32.sub
          i32.const 1
          i32.sub
          local.get $9
          i32.div_s
         end
         local.tee $0
         local.get $0
         local.get $8
         i32.gt_s
         select
        end
        local.tee $7
        local.get $12
        local.get $15
        i32.le_s
        if (result i32)
         i32.const 0
        else
         local.get $8
         local.get $9
         i32.const 1
         i32.eq
         if (result i32)
          local.get $12
          local.get $15
          i32.sub
         else
          local.get $12
          local.get $15
          i32.sub
          local.get $9
          i32.add
          i32.const 1
          i32.sub
          local.get $9
          i32.div_s
         end
         local.tee $0
         local.get $0
         local.get $8
         i32.gt_s
         select
        end
        local.tee $0
        local.get $0
        local.get $7
        i32.lt_s
        select
        local.set $16
        local.get $7
        i32.eqz
        local.tee $0
        if
         local.get $8
         local.get $16
         i32.eq
         local.set $0
        end
        local.get $9
        i32.const 1
        i32.eq
        local.get $0
        local.get $0
        select
        local.set $28
        local.get $6
        local.get $8
        i32.mul
        local.set $5
        i32.const 0
        local.set $3
        loop $for-loop|3
         local.get $3
         i32.const 4
         i32.add
         local.tee $0
         local.get $5
         i32.le_s
         if
          local.get $4
          local.get $3
          i32.const 2
          i32.shl
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store
          local.get $0
          local.set $3
          br $for-loop|3
         end
        end
        loop $for-loop|4
         local.get $3
         local.get $5
         i32.lt_s
         if
          local.get $4
          local.get $3
          i32.const 2
          i32.shl
          i32.add
          f32.const 0
          f32.store
          local.get $3
          i32.const 1
          i32.add
          local.set $3
          br $for-loop|4
         end
        end
        local.get $6
        local.set $5
        loop $for-loop|5
         local.get $5
         local.get $25
         i32.lt_s
         if
          local.get $1
          local.get $11
          local.get $24
          i32.mul
          local.get $5
          local.get $13
          i32.mul
          i32.add
          local.get $14
          i32.add
          local.get $12
          i32.mul
          local.get $15
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $30
          local.get $4
          local.get $5
          local.get $23
          i32.mul
          i32.add
          local.set $31
          block $for-continue|5
           local.get $28
           if
            local.get $8
            i32.const 4
            i32.lt_s
            if
             i32.const 0
             local.set $0
             loop $for-loop|6
              local.get $0
              local.get $8
              i32.lt_s
              if
               local.get $0
               i32.const 2
               i32.shl
               local.tee $3
               local.get $31
               i32.add
               local.get $3
               local.get $30
               i32.add
               f32.load
               f32.store
               local.get $0
               i32.const 1
               i32.add
               local.set $0
               br $for-loop|6
              end
             end
             br $for-continue|5
            end
            i32.const 0
            local.set $0
            loop $for-loop|7
             local.get $0
             i32.const 4
             i32.add
             local.tee $3
             local.get $8
             i32.le_s
             if
              local.get $0
              i32.const 2
              i32.shl
              local.tee $0
              local.get $31
              i32.add
              local.get $0
              local.get $30
              i32.add
              v128.load
              v128.store
              local.get $3
              local.set $0
              br $for-loop|7
             end
            end
            local.get $0
            local.get $8
            i32.lt_s
            if
             local.get $8
             i32.const 4
             i32.sub
             i32.const 2
             i32.shl
             local.tee $0
             local.get $31
             i32.add
             local.get $0
             local.get $30
             i32.add
             v128.load
             v128.store
            end
            br $for-continue|5
           end
           i32.const 0
           local.set $0
           loop $for-loop|8
            local.get $0
            i32.const 4
            i32.add
            local.tee $3
            local.get $7
            i32.le_s
            if
             local.get $31
             local.get $0
             i32.const 2
             i32.shl
             i32.add
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             v128.store
             local.get $3
             local.set $0
             br $for-loop|8
            end
           end
           loop $for-loop|9
            local.get $0
            local.get $7
            i32.lt_s
            if
             local.get $31
             local.get $0
             i32.const 2
             i32.shl
             i32.add
             f32.const 0
             f32.store
             local.get $0
             i32.const 1
             i32.add
             local.set $0
             br $for-loop|9
            end
           end
           local.get $9
           i32.const 1
           i32.eq
           if
            block $src/kernels/wasm/assembly/memory/copyFloats|inlined.3
             local.get $7
             i32.const 2
             i32.shl
             local.tee $0
             local.get $31
             i32.add
             local.set $29
             local.get $0
             local.get $30
             i32.add
             local.set $32
             local.get $16
             local.get $7
             i32.sub
             local.tee $30
             i32.const 4
             i32.lt_s
             if
              i32.const 0
              local.set $0
              loop $for-loop|10
               local.get $0
               local.get $30
               i32.lt_s
               if
                local.get $0
                i32.const 2
                i32.shl
                local.tee $3
                local.get $29
                i32.add
                local.get $3
                local.get $32
                i32.add
                f32.load
                f32.store
                local.get $0
                i32.const 1
                i32.add
                local.set $0
                br $for-loop|10
               end
              end
              br $src/kernels/wasm/assembly/memory/copyFloats|inlined.3
             end
             i32.const 0
             local.set $0
             loop $for-loop|11
              local.get $0
              i32.const 4
              i32.add
              local.tee $3
              local.get $30
              i32.le_s
              if
               local.get $0
               i32.const 2
               i32.shl
               local.tee $0
               local.get $29
               i32.add
               local.get $0
               local.get $32
               i32.add
               v128.load
               v128.store
               local.get $3
               local.set $0
               br $for-loop|11
              end
             end
             local.get $0
             local.get $30
             i32.lt_s
             if
              local.get $30
              i32.const 4
              i32.sub
              i32.const 2
              i32.shl
              local.tee $0
              local.get $29
              i32.add
              local.get $0
              local.get $32
              i32.add
              v128.load
              v128.store
             end
            end
           else
            local.get $7
            local.set $0
            local.get $9
            i32.const 2
            i32.eq
            if
             loop $for-loop|12
              local.get $0
              i32.const 4
              i32.add
              local.tee $3
              local.get $16
              i32.lt_s
              if
               local.get $31
               local.get $0
               i32.const 2
               i32.shl
               i32.add
               local.get $30
               local.get $0
               i32.const 3
               i32.shl
               i32.add
               local.tee $0
               v128.load
               local.get $0
               v128.load offset=16
               i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
               v128.store
               local.get $3
               local.set $0
               br $for-loop|12
              end
             end
            end
            loop $for-loop|13
             local.get $0
             local.get $16
             i32.lt_s
             if
              local.get $31
              local.get $0
              i32.const 2
              i32.shl
              i32.add
              local.get $30
              local.get $0
              local.get $9
              i32.mul
              i32.const 2
              i32.shl
              i32.add
              f32.load
              f32.store
              local.get $0
              i32.const 1
              i32.add
              local.set $0
              br $for-loop|13
             end
            end
           end
           local.get $31
           local.get $16
           i32.const 2
           i32.shl
           i32.add
           local.set $29
           local.get $8
           local.get $16
           i32.sub
           local.set $30
           i32.const 0
           local.set $3
           loop $for-loop|14
            local.get $3
            i32.const 4
            i32.add
            local.tee $0
            local.get $30
            i32.le_s
            if
             local.get $29
             local.get $3
             i32.const 2
             i32.shl
             i32.add
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             v128.store
             local.get $0
             local.set $3
             br $for-loop|14
            end
           end
           loop $for-loop|15
            local.get $3
            local.get $30
            i32.lt_s
            if
             local.get $29
             local.get $3
             i32.const 2
             i32.shl
             i32.add
             f32.const 0
             f32.store
             local.get $3
             i32.const 1
             i32.add
             local.set $3
             br $for-loop|15
            end
           end
          end
          local.get $5
          i32.const 1
          i32.add
          local.set $5
          br $for-loop|5
         end
        end
        local.get $4
        local.get $23
        local.get $25
        i32.mul
        i32.add
        local.set $5
        local.get $10
        local.get $25
        i32.sub
        local.get $8
        i32.mul
        local.set $7
        i32.const 0
        local.set $0
        loop $for-loop|16
         local.get $0
         i32.const 4
         i32.add
         local.tee $3
         local.get $7
         i32.le_s
         if
          local.get $5
          local.get $0
          i32.const 2
          i32.shl
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store
          local.get $3
          local.set $0
          br $for-loop|16
         end
        end
        loop $for-loop|17
         local.get $0
         local.get $7
         i32.lt_s
         if
          local.get $5
          local.get $0
          i32.const 2
          i32.shl
          i32.add
          f32.const 0
          f32.store
          local.get $0
          i32.const 1
          i32.add
          local.set $0
          br $for-loop|17
         end
        end
        local.get $4
        local.get $10
        local.get $23
        i32.mul
        i32.add
        local.set $4
        local.get $20
        i32.const 1
        i32.add
        local.set $20
        br $for-loop|2
       end
      end
      local.get $19
      i32.const 1
      i32.add
      local.set $19
      br $for-loop|1
     end
    end
    local.get $24
    i32.const 1
    i32.add
    local.set $24
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/directPlanes (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  local.get $1
  local.get $0
  i32.load offset=8
  local.tee $3
  local.get $0
  i32.load offset=12
  local.get $0
  i32.load offset=16
  local.get $0
  i32.load offset=40
  local.get $0
  i32.load offset=44
  local.get $0
  i32.load offset=60
  local.get $0
  i32.load offset=24
  i32.add
  i32.const 1
  i32.sub
  local.tee $1
  local.get $0
  i32.load offset=28
  local.tee $4
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  i32.add
  i32.const 1
  i32.sub
  local.tee $0
  local.get $2
  call $src/kernels/wasm/assembly/conv/padPlanes
  local.get $2
  local.get $1
  local.get $3
  i32.mul
  local.get $0
  i32.mul
  local.tee $0
  i32.const 2
  i32.shl
  i32.add
  local.set $2
  local.get $0
  local.get $4
  i32.add
  i32.const 23
  i32.add
  i32.const 16
  i32.div_s
  i32.const 4
  i32.shl
  local.get $0
  i32.sub
  local.set $3
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   i32.const 4
   i32.add
   local.tee $1
   local.get $3
   i32.le_s
   if
    local.get $2
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.store
    local.get $1
    local.set $0
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $0
   local.get $3
   i32.lt_s
   if
    local.get $2
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    f32.const 0
    f32.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv-direct/directTile4 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  loop $for-loop|0
   local.get $0
   local.get $14
   i32.gt_s
   if
    local.get $1
    v128.load32_splat
    local.get $2
    local.get $3
    local.get $14
    i32.const 2
    i32.shl
    i32.add
    i32.load
    i32.add
    v128.load
    local.tee $12
    f32x4.mul
    local.get $11
    f32x4.add
    local.set $11
    local.get $1
    v128.load32_splat offset=4
    local.get $12
    f32x4.mul
    local.get $13
    f32x4.add
    local.set $13
    local.get $1
    v128.load32_splat offset=8
    local.get $12
    f32x4.mul
    local.get $15
    f32x4.add
    local.set $15
    local.get $1
    v128.load32_splat offset=12
    local.get $12
    f32x4.mul
    local.get $16
    f32x4.add
    local.set $16
    local.get $1
    i32.const 16
    i32.add
    local.set $1
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|0
   end
  end
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.4
   local.get $6
   i32.const 0
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.4
   local.get $11
   local.get $9
   if (result v128)
    local.get $8
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $11
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $12
   f32x4.add
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $4
    local.get $11
    v128.store
    local.get $4
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.4
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.8
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $0
    i32.const 4
    i32.ge_s
    if
     local.get $4
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.8
    end
    local.get $0
    i32.const 0
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $0
    i32.const 1
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $0
    i32.const 2
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.9
     local.get $7
     i32.const 4
     i32.sub
     local.tee $0
     i32.const 4
     i32.ge_s
     if
      local.get $4
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.9
     end
     local.get $0
     i32.const 0
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $0
     i32.const 1
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $0
     i32.const 2
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.5
   local.get $6
   i32.const 1
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.5
   local.get $13
   local.get $9
   if (result v128)
    local.get $8
    i32.const 4
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $13
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $12
   f32x4.add
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.5
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.10
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.10
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.11
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.11
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.const 1
  i32.shl
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.6
   local.get $6
   i32.const 2
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.6
   local.get $15
   local.get $9
   if (result v128)
    local.get $8
    i32.const 8
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $15
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $12
   f32x4.add
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.6
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.12
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.12
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.13
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.13
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.const 3
  i32.mul
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.7
   local.get $6
   i32.const 3
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.7
   local.get $16
   local.get $9
   if (result v128)
    local.get $8
    i32.const 12
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $16
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $12
   f32x4.add
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.7
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.14
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.14
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.15
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.15
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv-direct/directTile (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 i32)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 i32)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  loop $for-loop|0
   local.get $0
   local.get $14
   i32.gt_s
   if
    local.get $1
    v128.load32_splat
    local.tee $22
    local.get $2
    local.get $3
    local.get $14
    i32.const 2
    i32.shl
    i32.add
    i32.load
    i32.add
    local.tee $20
    v128.load
    local.tee $21
    f32x4.mul
    local.get $11
    f32x4.add
    local.set $11
    local.get $22
    local.get $20
    v128.load offset=16
    local.tee $22
    f32x4.mul
    local.get $12
    f32x4.add
    local.set $12
    local.get $1
    v128.load32_splat offset=4
    local.tee $23
    local.get $21
    f32x4.mul
    local.get $13
    f32x4.add
    local.set $13
    local.get $23
    local.get $22
    f32x4.mul
    local.get $15
    f32x4.add
    local.set $15
    local.get $1
    v128.load32_splat offset=8
    local.tee $23
    local.get $21
    f32x4.mul
    local.get $16
    f32x4.add
    local.set $16
    local.get $23
    local.get $22
    f32x4.mul
    local.get $17
    f32x4.add
    local.set $17
    local.get $1
    v128.load32_splat offset=12
    local.tee $23
    local.get $21
    f32x4.mul
    local.get $18
    f32x4.add
    local.set $18
    local.get $23
    local.get $22
    f32x4.mul
    local.get $19
    f32x4.add
    local.set $19
    local.get $1
    i32.const 16
    i32.add
    local.set $1
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|0
   end
  end
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.0
   local.get $6
   i32.const 0
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.0
   local.get $11
   local.get $9
   if (result v128)
    local.get $8
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $21
   f32x4.add
   local.get $11
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   local.get $12
   local.get $21
   f32x4.add
   local.get $12
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $4
    local.get $11
    v128.store
    local.get $4
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.0
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.0
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $0
    i32.const 4
    i32.ge_s
    if
     local.get $4
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.0
    end
    local.get $0
    i32.const 0
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $0
    i32.const 1
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $0
    i32.const 2
    i32.gt_s
    if
     local.get $4
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.1
     local.get $7
     i32.const 4
     i32.sub
     local.tee $0
     i32.const 4
     i32.ge_s
     if
      local.get $4
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.1
     end
     local.get $0
     i32.const 0
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $0
     i32.const 1
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $0
     i32.const 2
     i32.gt_s
     if
      local.get $4
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.1
   local.get $6
   i32.const 1
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.1
   local.get $13
   local.get $9
   if (result v128)
    local.get $8
    i32.const 4
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $13
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   local.get $15
   local.get $12
   f32x4.add
   local.get $15
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.1
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.2
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.2
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.3
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.3
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.const 1
  i32.shl
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.2
   local.get $6
   i32.const 2
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.2
   local.get $16
   local.get $9
   if (result v128)
    local.get $8
    i32.const 8
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $16
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   local.get $17
   local.get $12
   f32x4.add
   local.get $17
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.2
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.4
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.4
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.5
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.5
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
  local.get $4
  local.get $5
  i32.const 3
  i32.mul
  i32.add
  local.set $0
  block $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.3
   local.get $6
   i32.const 3
   i32.le_s
   br_if $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.3
   local.get $18
   local.get $9
   if (result v128)
    local.get $8
    i32.const 12
    i32.add
    v128.load32_splat
   else
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   end
   local.tee $12
   f32x4.add
   local.get $18
   local.get $9
   select
   local.set $11
   local.get $10
   if
    local.get $11
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $11
    local.get $11
    f32x4.ne
    v128.or
    v128.and
    local.set $11
   end
   local.get $19
   local.get $12
   f32x4.add
   local.get $19
   local.get $9
   select
   local.set $12
   local.get $10
   if
    local.get $12
    local.get $12
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $12
    local.get $12
    f32x4.ne
    v128.or
    v128.and
    local.set $12
   end
   local.get $7
   i32.const 8
   i32.eq
   if
    local.get $0
    local.get $11
    v128.store
    local.get $0
    local.get $12
    v128.store offset=16
    br $src/kernels/wasm/assembly/conv-direct/storeTileRow|inlined.3
   end
   block $src/kernels/wasm/assembly/memory/storeLanes|inlined.6
    i32.const 4
    local.get $7
    local.get $7
    i32.const 4
    i32.ge_s
    select
    local.tee $1
    i32.const 4
    i32.ge_s
    if
     local.get $0
     local.get $11
     v128.store
     br $src/kernels/wasm/assembly/memory/storeLanes|inlined.6
    end
    local.get $1
    i32.const 0
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 0
     i32.store
    end
    local.get $1
    i32.const 1
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 1
     i32.store offset=4
    end
    local.get $1
    i32.const 2
    i32.gt_s
    if
     local.get $0
     local.get $11
     i32x4.extract_lane 2
     i32.store offset=8
    end
   end
   local.get $7
   i32.const 4
   i32.gt_s
   if
    block $src/kernels/wasm/assembly/memory/storeLanes|inlined.7
     local.get $7
     i32.const 4
     i32.sub
     local.tee $1
     i32.const 4
     i32.ge_s
     if
      local.get $0
      local.get $12
      v128.store offset=16
      br $src/kernels/wasm/assembly/memory/storeLanes|inlined.7
     end
     local.get $1
     i32.const 0
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 0
      i32.store offset=16
     end
     local.get $1
     i32.const 1
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 1
      i32.store offset=20
     end
     local.get $1
     i32.const 2
     i32.gt_s
     if
      local.get $0
      local.get $12
      i32x4.extract_lane 2
      i32.store offset=24
     end
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv-direct/directGradientTile (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 v128)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 v128)
  (local $29 v128)
  local.get $6
  local.get $6
  i32.const 3
  i32.and
  local.tee $4
  i32.sub
  local.set $20
  v128.const i32x4 0xffffffff 0x00000000 0x00000000 0x00000000
  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
  local.get $4
  select
  i32.const -1
  i32.const 0
  local.get $4
  i32.const 1
  i32.gt_u
  select
  i32x4.replace_lane 1
  i32.const -1
  i32.const 0
  local.get $4
  i32.const 2
  i32.gt_u
  select
  i32x4.replace_lane 2
  local.set $19
  local.get $0
  local.get $1
  i32.load
  i32.add
  local.set $21
  local.get $0
  local.get $1
  i32.load offset=4
  i32.add
  local.set $22
  local.get $0
  local.get $1
  i32.load offset=8
  i32.add
  local.set $23
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   local.get $5
   i32.lt_s
   if
    local.get $0
    local.get $6
    i32.mul
    i32.const 2
    i32.shl
    local.set $25
    local.get $0
    local.get $7
    i32.mul
    i32.const 2
    i32.shl
    local.set $26
    i32.const 0
    local.set $1
    loop $for-loop|1
     local.get $1
     local.get $20
     i32.lt_s
     if
      local.get $1
      i32.const 2
      i32.shl
      local.tee $27
      local.get $25
      i32.add
      local.tee $24
      local.get $2
      i32.add
      v128.load
      local.tee $13
      local.get $21
      local.get $26
      local.get $27
      i32.add
      local.tee $27
      i32.add
      v128.load
      local.tee $28
      f32x4.mul
      local.get $14
      f32x4.add
      local.set $14
      local.get $3
      local.get $24
      i32.add
      v128.load
      local.tee $29
      local.get $28
      f32x4.mul
      local.get $15
      f32x4.add
      local.set $15
      local.get $13
      local.get $22
      local.get $27
      i32.add
      v128.load
      local.tee $28
      f32x4.mul
      local.get $16
      f32x4.add
      local.set $16
      local.get $29
      local.get $28
      f32x4.mul
      local.get $17
      f32x4.add
      local.set $17
      local.get $13
      local.get $23
      local.get $27
      i32.add
      v128.load
      local.tee $13
      f32x4.mul
      local.get $18
      f32x4.add
      local.set $18
      local.get $29
      local.get $13
      f32x4.mul
      local.get $12
      f32x4.add
      local.set $12
      local.get $1
      i32.const 4
      i32.add
      local.set $1
      br $for-loop|1
     end
    end
    local.get $4
    if
     local.get $20
     i32.const 2
     i32.shl
     local.tee $1
     local.get $26
     i32.add
     local.set $24
     local.get $1
     local.get $25
     i32.add
     local.tee $1
     local.get $2
     i32.add
     local.set $25
     block $src/kernels/wasm/assembly/memory/loadLanes|inlined.7 (result v128)
      local.get $4
      i32.const 4
      i32.ge_s
      if
       local.get $25
       v128.load
       br $src/kernels/wasm/assembly/memory/loadLanes|inlined.7
      end
      local.get $4
      i32.const 0
      i32.gt_s
      if (result v128)
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.get $25
       i32.load
       i32x4.replace_lane 0
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $13
      local.get $4
      i32.const 1
      i32.gt_s
      if
       local.get $13
       local.get $25
       i32.load offset=4
       i32x4.replace_lane 1
       local.set $13
      end
      local.get $4
      i32.const 2
      i32.gt_s
      if (result v128)
       local.get $13
       local.get $25
       i32.load offset=8
       i32x4.replace_lane 2
      else
       local.get $13
      end
     end
     local.tee $28
     local.get $21
     local.get $24
     i32.add
     v128.load
     local.get $19
     v128.and
     local.tee $29
     f32x4.mul
     local.get $14
     f32x4.add
     local.set $14
     local.get $1
     local.get $3
     i32.add
     local.set $1
     block $src/kernels/wasm/assembly/memory/loadLanes|inlined.8 (result v128)
      local.get $4
      i32.const 4
      i32.ge_s
      if
       local.get $1
       v128.load
       br $src/kernels/wasm/assembly/memory/loadLanes|inlined.8
      end
      local.get $4
      i32.const 0
      i32.gt_s
      if (result v128)
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.get $1
       i32.load
       i32x4.replace_lane 0
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $13
      local.get $4
      i32.const 1
      i32.gt_s
      if
       local.get $13
       local.get $1
       i32.load offset=4
       i32x4.replace_lane 1
       local.set $13
      end
      local.get $4
      i32.const 2
      i32.gt_s
      if (result v128)
       local.get $13
       local.get $1
       i32.load offset=8
       i32x4.replace_lane 2
      else
       local.get $13
      end
     end
     local.tee $13
     local.get $29
     f32x4.mul
     local.get $15
     f32x4.add
     local.set $15
     local.get $28
     local.get $22
     local.get $24
     i32.add
     v128.load
     local.get $19
     v128.and
     local.tee $29
     f32x4.mul
     local.get $16
     f32x4.add
     local.set $16
     local.get $13
     local.get $29
     f32x4.mul
     local.get $17
     f32x4.add
     local.set $17
     local.get $28
     local.get $23
     local.get $24
     i32.add
     v128.load
     local.get $19
     v128.and
     local.tee $28
     f32x4.mul
     local.get $18
     f32x4.add
     local.set $18
     local.get $13
     local.get $28
     f32x4.mul
     local.get $12
     f32x4.add
     local.set $12
    end
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|0
   end
  end
  local.get $11
  i32.const 0
  i32.gt_s
  if
   local.get $8
   local.get $8
   f32.load
   local.get $14
   f32x4.extract_lane 0
   local.get $14
   f32x4.extract_lane 1
   f32.add
   local.get $14
   f32x4.extract_lane 2
   local.get $14
   f32x4.extract_lane 3
   f32.add
   f32.add
   f32.add
   f32.store
  end
  local.get $11
  i32.const 1
  i32.gt_s
  if
   local.get $8
   i32.const 4
   i32.add
   local.get $8
   f32.load offset=4
   local.get $16
   f32x4.extract_lane 0
   local.get $16
   f32x4.extract_lane 1
   f32.add
   local.get $16
   f32x4.extract_lane 2
   local.get $16
   f32x4.extract_lane 3
   f32.add
   f32.add
   f32.add
   f32.store
  end
  local.get $11
  i32.const 2
  i32.gt_s
  if
   local.get $8
   i32.const 8
   i32.add
   local.get $8
   f32.load offset=8
   local.get $18
   f32x4.extract_lane 0
   local.get $18
   f32x4.extract_lane 1
   f32.add
   local.get $18
   f32x4.extract_lane 2
   local.get $18
   f32x4.extract_lane 3
   f32.add
   f32.add
   f32.add
   f32.store
  end
  local.get $10
  i32.const 1
  i32.gt_s
  if
   local.get $11
   i32.const 0
   i32.gt_s
   if
    local.get $8
    local.get $9
    i32.const 2
    i32.shl
    i32.add
    local.tee $0
    local.get $0
    f32.load
    local.get $15
    f32x4.extract_lane 0
    local.get $15
    f32x4.extract_lane 1
    f32.add
    local.get $15
    f32x4.extract_lane 2
    local.get $15
    f32x4.extract_lane 3
    f32.add
    f32.add
    f32.add
    f32.store
   end
   local.get $11
   i32.const 1
   i32.gt_s
   if
    local.get $8
    local.get $9
    i32.const 1
    i32.add
    i32.const 2
    i32.shl
    i32.add
    local.tee $0
    local.get $0
    f32.load
    local.get $17
    f32x4.extract_lane 0
    local.get $17
    f32x4.extract_lane 1
    f32.add
    local.get $17
    f32x4.extract_lane 2
    local.get $17
    f32x4.extract_lane 3
    f32.add
    f32.add
    f32.add
    f32.store
   end
   local.get $11
   i32.const 2
   i32.gt_s
   if
    local.get $8
    local.get $9
    i32.const 2
    i32.add
    i32.const 2
    i32.shl
    i32.add
    local.tee $0
    local.get $0
    f32.load
    local.get $12
    f32x4.extract_lane 0
    local.get $12
    f32x4.extract_lane 1
    f32.add
    local.get $12
    f32x4.extract_lane 2
    local.get $12
    f32x4.extract_lane 3
    f32.add
    f32.add
    f32.add
    f32.store
   end
  end
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormStatsChannels (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 f64)
  (local $5 v128)
  (local $6 i32)
  (local $7 i32)
  (local $8 f64)
  (local $9 v128)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 f64)
  (local $14 i32)
  (local $15 v128)
  (local $16 i32)
  (local $17 i32)
  (local $18 f64)
  (local $19 v128)
  local.get $0
  i32.load offset=4
  local.set $10
  local.get $0
  i32.load offset=12
  local.set $11
  local.get $0
  i32.load offset=16
  local.set $16
  local.get $0
  i32.load offset=20
  local.set $17
  local.get $0
  i32.load
  local.tee $12
  f64.convert_i32_s
  local.get $0
  i32.load offset=8
  local.tee $6
  f64.convert_i32_s
  f64.mul
  local.set $13
  local.get $1
  local.set $3
  loop $for-loop|0
   local.get $2
   local.get $3
   i32.gt_s
   if
    f64.const 0
    local.set $4
    i32.const 0
    local.set $0
    loop $for-loop|1
     local.get $0
     local.get $12
     i32.lt_s
     if
      local.get $4
      local.get $11
      local.get $0
      local.get $10
      i32.mul
      local.get $3
      i32.add
      local.get $6
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.get $6
      call $src/kernels/wasm/assembly/adaptive-pool/sumPlaneSimd
      f64.add
      local.set $4
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|1
     end
    end
    local.get $4
    local.get $13
    f64.div
    local.set $18
    f64.const 0
    local.set $8
    i32.const 0
    local.set $7
    loop $for-loop|2
     local.get $7
     local.get $12
     i32.lt_s
     if
      local.get $11
      local.get $7
      local.get $10
      i32.mul
      local.get $3
      i32.add
      local.get $6
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $14
      i32.const 0
      local.set $0
      local.get $18
      f64x2.splat
      local.set $15
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.set $5
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.set $9
      loop $for-loop|00
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $6
       i32.le_s
       if
        local.get $5
        local.get $14
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        v128.load
        local.tee $19
        f64x2.promote_low_f32x4
        local.get $15
        f64x2.sub
        local.tee $5
        local.get $5
        f64x2.mul
        f64x2.add
        local.set $5
        local.get $9
        local.get $19
        local.get $19
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.get $15
        f64x2.sub
        local.tee $9
        local.get $9
        f64x2.mul
        f64x2.add
        local.set $9
        local.get $1
        local.set $0
        br $for-loop|00
       end
      end
      local.get $5
      local.get $9
      f64x2.add
      local.tee $5
      f64x2.extract_lane 0
      local.get $5
      f64x2.extract_lane 1
      f64.add
      local.set $4
      loop $for-loop|11
       local.get $0
       local.get $6
       i32.lt_s
       if
        local.get $4
        local.get $14
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f64.promote_f32
        local.get $18
        f64.sub
        local.tee $4
        local.get $4
        f64.mul
        f64.add
        local.set $4
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|11
       end
      end
      local.get $8
      local.get $4
      f64.add
      local.set $8
      local.get $7
      i32.const 1
      i32.add
      local.set $7
      br $for-loop|2
     end
    end
    local.get $16
    local.get $3
    i32.const 2
    i32.shl
    local.tee $0
    i32.add
    local.get $18
    f32.demote_f64
    f32.store
    local.get $0
    local.get $17
    i32.add
    local.get $8
    local.get $13
    f64.div
    f32.demote_f64
    f32.store
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormForwardChannels (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 v128)
  (local $5 f32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 f32)
  (local $20 v128)
  (local $21 f32)
  (local $22 v128)
  (local $23 f32)
  (local $24 v128)
  (local $25 f32)
  (local $26 v128)
  (local $27 i32)
  local.get $0
  i32.load
  local.set $11
  local.get $0
  i32.load offset=4
  local.set $12
  local.get $0
  i32.load offset=8
  local.set $6
  local.get $0
  i32.load offset=12
  local.set $13
  local.get $0
  i32.load offset=16
  local.set $14
  local.get $0
  i32.load offset=20
  local.set $15
  local.get $0
  i32.load offset=24
  local.set $16
  local.get $0
  i32.load offset=28
  local.set $17
  local.get $0
  i32.load offset=32
  local.set $18
  local.get $0
  i32.load offset=36
  i32.const 0
  i32.ne
  local.set $8
  loop $for-loop|0
   local.get $7
   local.get $11
   i32.lt_s
   if
    local.get $1
    local.set $0
    loop $for-loop|1
     local.get $0
     local.get $2
     i32.lt_s
     if
      local.get $14
      local.get $0
      i32.const 2
      i32.shl
      local.tee $3
      i32.add
      f32.load
      local.tee $19
      f32x4.splat
      local.set $20
      local.get $3
      local.get $15
      i32.add
      f32.load
      local.tee $21
      f32x4.splat
      local.set $22
      local.get $3
      local.get $16
      i32.add
      f32.load
      local.tee $23
      f32x4.splat
      local.set $24
      local.get $3
      local.get $17
      i32.add
      f32.load
      local.tee $25
      f32x4.splat
      local.set $26
      local.get $13
      local.get $7
      local.get $12
      i32.mul
      local.get $0
      i32.add
      local.get $6
      i32.mul
      i32.const 2
      i32.shl
      local.tee $3
      i32.add
      local.set $9
      local.get $3
      local.get $18
      i32.add
      local.set $10
      i32.const 0
      local.set $3
      loop $for-loop|2
       local.get $3
       i32.const 4
       i32.add
       local.get $6
       i32.le_s
       if
        local.get $24
        local.get $3
        i32.const 2
        i32.shl
        local.tee $27
        local.get $9
        i32.add
        v128.load
        local.get $20
        f32x4.sub
        local.get $22
        f32x4.mul
        f32x4.mul
        local.get $26
        f32x4.add
        local.set $4
        local.get $10
        local.get $27
        i32.add
        local.get $8
        if (result v128)
         local.get $4
         local.get $4
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         f32x4.gt
         local.get $4
         local.get $4
         f32x4.ne
         v128.or
         v128.and
        else
         local.get $4
        end
        v128.store
        local.get $3
        i32.const 4
        i32.add
        local.set $3
        br $for-loop|2
       end
      end
      loop $for-loop|3
       local.get $3
       local.get $6
       i32.lt_s
       if
        local.get $23
        local.get $3
        i32.const 2
        i32.shl
        local.tee $27
        local.get $9
        i32.add
        f32.load
        local.get $19
        f32.sub
        local.get $21
        f32.mul
        f32.mul
        local.get $25
        f32.add
        local.set $5
        local.get $10
        local.get $27
        i32.add
        local.get $5
        f32.const 0
        local.get $8
        i32.eqz
        local.get $5
        f32.const 0
        f32.gt
        i32.or
        local.get $5
        local.get $5
        f32.ne
        i32.or
        select
        f32.store
        local.get $3
        i32.const 1
        i32.add
        local.set $3
        br $for-loop|3
       end
      end
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|1
     end
    end
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormBackwardChannels (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 f64)
  (local $8 f64)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 f32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 f64)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 f32)
  (local $24 v128)
  (local $25 f32)
  (local $26 v128)
  (local $27 f32)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 i32)
  (local $32 i32)
  (local $33 i32)
  local.get $0
  i32.load offset=4
  local.set $9
  local.get $0
  i32.load offset=12
  local.set $13
  local.get $0
  i32.load offset=16
  local.set $14
  local.get $0
  i32.load offset=20
  local.set $18
  local.get $0
  i32.load offset=24
  local.set $19
  local.get $0
  i32.load offset=28
  local.set $20
  local.get $0
  i32.load offset=32
  local.set $21
  local.get $0
  i32.load offset=36
  local.set $22
  local.get $0
  i32.load offset=40
  local.set $10
  local.get $0
  i32.load offset=44
  local.set $11
  local.get $0
  i32.load
  local.tee $15
  f64.convert_i32_s
  local.get $0
  i32.load offset=8
  local.tee $5
  f64.convert_i32_s
  f64.mul
  local.set $16
  local.get $1
  local.set $3
  loop $for-loop|0
   local.get $2
   local.get $3
   i32.gt_s
   if
    local.get $18
    local.get $3
    i32.const 2
    i32.shl
    local.tee $0
    i32.add
    f32.load
    local.set $12
    local.get $0
    local.get $19
    i32.add
    f32.load
    local.set $6
    f64.const 0
    local.set $7
    f64.const 0
    local.set $8
    local.get $10
    local.get $13
    local.get $11
    select
    local.set $17
    i32.const 0
    local.set $4
    loop $for-loop|1
     local.get $4
     local.get $15
     i32.lt_s
     if
      local.get $11
      if
       local.get $11
       local.get $4
       local.get $9
       i32.mul
       local.get $3
       i32.add
       local.get $5
       i32.mul
       i32.const 2
       i32.shl
       local.tee $0
       i32.add
       local.set $31
       local.get $0
       local.get $13
       i32.add
       local.set $32
       local.get $0
       local.get $10
       i32.add
       local.set $33
       i32.const 0
       local.set $1
       loop $for-loop|00
        local.get $1
        i32.const 4
        i32.add
        local.tee $0
        local.get $5
        i32.le_s
        if
         local.get $1
         i32.const 2
         i32.shl
         local.tee $1
         local.get $33
         i32.add
         v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
         local.get $1
         local.get $31
         i32.add
         v128.load
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         f32x4.gt
         v128.and
         local.get $1
         local.get $32
         i32.add
         v128.load
         f32x4.mul
         v128.store
         local.get $0
         local.set $1
         br $for-loop|00
        end
       end
       loop $for-loop|11
        local.get $1
        local.get $5
        i32.lt_s
        if
         local.get $1
         i32.const 2
         i32.shl
         local.tee $0
         local.get $33
         i32.add
         f32.const 1
         f32.const 0
         local.get $0
         local.get $31
         i32.add
         f32.load
         f32.const 0
         f32.gt
         select
         local.get $0
         local.get $32
         i32.add
         f32.load
         f32.mul
         f32.store
         local.get $1
         i32.const 1
         i32.add
         local.set $1
         br $for-loop|11
        end
       end
      end
      local.get $7
      local.get $17
      local.get $4
      local.get $9
      i32.mul
      local.get $3
      i32.add
      local.get $5
      i32.mul
      i32.const 2
      i32.shl
      local.tee $0
      i32.add
      local.get $0
      local.get $14
      i32.add
      local.get $12
      local.get $6
      local.get $5
      call $src/kernels/wasm/assembly/batch-norm/sumAndDotNormalisedSimd
      f64.add
      local.set $7
      local.get $8
      global.get $src/kernels/wasm/assembly/batch-norm/dotResult
      f64.add
      local.set $8
      local.get $4
      i32.const 1
      i32.add
      local.set $4
      br $for-loop|1
     end
    end
    local.get $21
    local.get $3
    i32.const 2
    i32.shl
    local.tee $0
    i32.add
    local.tee $1
    local.get $1
    f32.load
    f64.promote_f32
    local.get $8
    f64.add
    f32.demote_f64
    f32.store
    local.get $0
    local.get $22
    i32.add
    local.tee $1
    local.get $1
    f32.load
    f64.promote_f32
    local.get $7
    f64.add
    f32.demote_f64
    f32.store
    local.get $0
    local.get $20
    i32.add
    f32.load
    local.get $6
    f32.mul
    local.tee $23
    f32x4.splat
    local.set $24
    local.get $7
    local.get $16
    f64.div
    f32.demote_f64
    local.tee $25
    f32x4.splat
    local.set $26
    local.get $8
    local.get $16
    f64.div
    f32.demote_f64
    local.tee $27
    f32x4.splat
    local.set $28
    local.get $12
    f32x4.splat
    local.set $29
    local.get $6
    f32x4.splat
    local.set $30
    i32.const 0
    local.set $4
    loop $for-loop|2
     local.get $4
     local.get $15
     i32.lt_s
     if
      local.get $17
      local.get $4
      local.get $9
      i32.mul
      local.get $3
      i32.add
      local.get $5
      i32.mul
      i32.const 2
      i32.shl
      local.tee $0
      i32.add
      local.set $31
      local.get $0
      local.get $14
      i32.add
      local.set $32
      local.get $0
      local.get $10
      i32.add
      local.set $33
      i32.const 0
      local.set $1
      loop $for-loop|3
       local.get $1
       i32.const 4
       i32.add
       local.tee $0
       local.get $5
       i32.le_s
       if
        local.get $33
        local.get $1
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        local.get $24
        local.get $1
        local.get $31
        i32.add
        v128.load
        local.get $26
        f32x4.sub
        local.get $1
        local.get $32
        i32.add
        v128.load
        local.get $29
        f32x4.sub
        local.get $30
        f32x4.mul
        local.get $28
        f32x4.mul
        f32x4.sub
        f32x4.mul
        v128.store
        local.get $0
        local.set $1
        br $for-loop|3
       end
      end
      loop $for-loop|4
       local.get $1
       local.get $5
       i32.lt_s
       if
        local.get $33
        local.get $1
        i32.const 2
        i32.shl
        local.tee $0
        i32.add
        local.get $23
        local.get $0
        local.get $31
        i32.add
        f32.load
        local.get $25
        f32.sub
        local.get $0
        local.get $32
        i32.add
        f32.load
        local.get $12
        f32.sub
        local.get $6
        f32.mul
        local.get $27
        f32.mul
        f32.sub
        f32.mul
        f32.store
        local.get $1
        i32.const 1
        i32.add
        local.set $1
        br $for-loop|4
       end
      end
      local.get $4
      i32.const 1
      i32.add
      local.set $4
      br $for-loop|2
     end
    end
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradWeightGradient (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32) (param $12 i32) (param $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  i32.const 2
  local.get $13
  local.get $13
  i32.const 3
  i32.eq
  local.tee $16
  select
  local.tee $14
  local.get $8
  i32.add
  i32.const 1
  i32.sub
  local.get $14
  i32.div_s
  local.tee $17
  local.get $9
  local.get $14
  i32.add
  i32.const 1
  i32.sub
  local.get $14
  i32.div_s
  local.tee $18
  i32.mul
  local.get $2
  i32.mul
  local.tee $15
  i32.const 6
  i32.add
  i32.const -4
  i32.and
  local.tee $14
  local.get $14
  i32.const 4
  i32.add
  local.get $14
  i32.const 255
  i32.and
  select
  local.tee $14
  i32.const 2
  i32.shl
  local.set $19
  local.get $17
  i32.const 4
  local.get $13
  local.get $16
  select
  local.tee $17
  i32.mul
  i32.const 1
  i32.const 2
  local.get $16
  select
  i32.add
  local.get $18
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  local.get $17
  i32.mul
  i32.const 4
  i32.add
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  local.get $11
  local.get $16
  if (result i32)
   i32.const 25
  else
   local.get $13
   i32.const 2
   i32.add
   local.tee $16
   local.get $16
   i32.mul
  end
  local.tee $18
  local.get $10
  i32.mul
  local.get $3
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.tee $16
  i32.add
  local.set $20
  i32.const 2
  local.get $13
  local.get $13
  i32.const 3
  i32.eq
  local.tee $21
  select
  local.set $17
  local.get $16
  i32.const 4
  local.get $13
  local.get $21
  select
  local.tee $22
  local.get $8
  local.get $17
  i32.add
  i32.const 1
  i32.sub
  local.get $17
  i32.div_s
  i32.mul
  i32.const 1
  i32.const 2
  local.get $21
  select
  i32.add
  local.get $9
  local.get $17
  i32.add
  i32.const 1
  i32.sub
  local.get $17
  i32.div_s
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  local.get $22
  i32.mul
  i32.const 4
  i32.add
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.const 832
  i32.add
  i32.add
  local.tee $17
  local.get $3
  local.get $18
  i32.mul
  local.get $19
  i32.mul
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.set $21
  local.get $0
  local.get $2
  local.get $3
  local.get $4
  local.get $5
  local.get $6
  local.get $7
  local.get $8
  local.get $9
  local.get $16
  local.get $17
  local.get $14
  local.get $13
  local.get $20
  call $src/kernels/wasm/assembly/winograd/transformInputs
  local.get $1
  local.get $2
  local.get $10
  local.get $8
  local.get $9
  local.get $16
  local.get $21
  local.get $19
  local.get $10
  local.get $19
  i32.mul
  local.tee $1
  local.get $13
  local.get $20
  call $src/kernels/wasm/assembly/winograd/transformGradients
  local.get $3
  local.get $19
  i32.mul
  local.set $2
  local.get $3
  local.get $10
  i32.mul
  i32.const 2
  i32.shl
  local.set $4
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   local.get $18
   i32.lt_s
   if
    i32.const 0
    i32.const 1
    local.get $10
    local.get $3
    local.get $15
    local.get $21
    local.get $0
    local.get $1
    i32.mul
    i32.add
    local.get $14
    local.get $17
    local.get $0
    local.get $2
    i32.mul
    i32.add
    local.get $14
    local.get $11
    local.get $0
    local.get $4
    i32.mul
    i32.add
    local.get $3
    i32.const 1
    local.get $12
    i32.const 0
    i32.const 0
    i32.const 0
    call $src/kernels/wasm/assembly/gemm/gemm
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradPositions (param $0 i32) (result i32)
  local.get $0
  i32.const 3
  i32.eq
  if (result i32)
   i32.const 25
  else
   local.get $0
   i32.const 2
   i32.add
   local.tee $0
   local.get $0
   i32.mul
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradPackedBytes (param $0 i32) (param $1 i32) (param $2 i32) (result i32)
  local.get $2
  i32.const 3
  i32.eq
  if (result i32)
   i32.const 25
  else
   local.get $2
   i32.const 2
   i32.add
   local.tee $2
   local.get $2
   i32.mul
  end
  local.get $0
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.get $1
  i32.mul
  i32.const 2
  i32.shl
  i32.mul
 )
 (func $src/kernels/wasm/assembly/winograd/winogradKernelRows (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32)
  (local $9 f32)
  (local $10 f32)
  (local $11 f32)
  (local $12 i32)
  (local $13 f32)
  (local $14 f32)
  (local $15 i32)
  (local $16 i32)
  (local $17 f32)
  (local $18 f32)
  (local $19 f32)
  (local $20 f32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 f32)
  (local $25 f32)
  (local $26 f32)
  local.get $7
  i32.const 4
  i32.eq
  if
   local.get $0
   local.get $1
   local.get $2
   local.get $3
   local.get $4
   local.get $5
   local.get $6
   local.get $8
   call $src/kernels/wasm/assembly/winograd/kernelRowsF4
   return
  end
  local.get $3
  local.get $2
  local.get $4
  select
  local.tee $15
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.tee $8
  local.set $16
  local.get $8
  local.get $2
  local.get $3
  local.get $4
  select
  local.tee $12
  i32.mul
  i32.const 2
  i32.shl
  local.set $21
  loop $for-loop|0
   local.get $5
   local.get $6
   i32.lt_s
   if
    i32.const 0
    local.set $8
    loop $for-loop|1
     local.get $8
     local.get $12
     i32.lt_s
     if
      local.get $12
      local.get $8
      i32.const 256
      i32.div_s
      i32.const 8
      i32.shl
      local.tee $2
      i32.sub
      local.set $22
      local.get $1
      local.get $5
      i32.const 4
      i32.rem_s
      local.tee $23
      local.get $2
      local.get $16
      i32.mul
      local.get $5
      local.get $23
      i32.sub
      i32.const 256
      local.get $22
      local.get $22
      i32.const 256
      i32.gt_s
      select
      i32.mul
      i32.add
      local.get $8
      local.get $2
      i32.sub
      i32.const 2
      i32.shl
      i32.add
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.set $22
      block $for-continue|1
       local.get $5
       local.get $15
       i32.ge_s
       if
        i32.const 0
        local.set $2
        loop $for-loop|2
         local.get $7
         i32.const 3
         i32.eq
         if (result i32)
          i32.const 25
         else
          local.get $7
          i32.const 2
          i32.add
          local.tee $23
          local.get $23
          i32.mul
         end
         local.get $2
         i32.gt_s
         if
          local.get $22
          local.get $2
          local.get $21
          i32.mul
          i32.add
          f32.const 0
          f32.store
          local.get $2
          i32.const 1
          i32.add
          local.set $2
          br $for-loop|2
         end
        end
        br $for-continue|1
       end
       local.get $0
       local.get $3
       local.get $8
       i32.mul
       local.get $5
       i32.add
       local.get $3
       local.get $5
       i32.mul
       local.get $8
       i32.add
       local.get $4
       select
       i32.const 36
       i32.mul
       i32.add
       local.set $2
       local.get $7
       i32.const 3
       i32.eq
       if
        local.get $2
        local.get $22
        local.get $21
        call $src/kernels/wasm/assembly/winograd-s2/kernelTransformS2
        br $for-continue|1
       end
       local.get $2
       i32.const 28
       i32.const 4
       local.get $4
       select
       i32.add
       f32.load
       local.set $18
       local.get $2
       i32.const 24
       i32.const 8
       local.get $4
       select
       i32.add
       f32.load
       local.set $19
       local.get $2
       i32.const 20
       i32.const 12
       local.get $4
       select
       i32.add
       f32.load
       local.set $24
       local.get $2
       f32.load offset=16
       local.set $25
       local.get $2
       i32.const 12
       i32.const 20
       local.get $4
       select
       i32.add
       f32.load
       local.set $26
       local.get $2
       i32.const 8
       i32.const 24
       local.get $4
       select
       i32.add
       f32.load
       local.set $9
       local.get $2
       i32.const 4
       i32.const 28
       local.get $4
       select
       i32.add
       f32.load
       local.set $11
       local.get $2
       i32.const 0
       i32.const 32
       local.get $4
       select
       i32.add
       f32.load
       local.set $10
       local.get $22
       local.get $2
       i32.const 32
       i32.const 0
       local.get $4
       select
       i32.add
       f32.load
       local.tee $20
       f32.store
       local.get $21
       local.get $22
       i32.add
       local.get $20
       local.get $18
       f32.add
       local.get $19
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 1
       i32.shl
       i32.add
       local.get $20
       local.get $18
       f32.sub
       local.get $19
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 3
       i32.mul
       i32.add
       local.get $19
       f32.store
       local.get $22
       local.get $21
       i32.const 2
       i32.shl
       i32.add
       local.get $20
       local.get $24
       f32.add
       local.get $9
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $13
       f32.store
       local.get $22
       local.get $21
       i32.const 5
       i32.mul
       i32.add
       local.get $13
       local.get $18
       local.get $25
       f32.add
       local.get $11
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $17
       f32.add
       local.get $19
       local.get $26
       f32.add
       local.get $10
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $14
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 6
       i32.mul
       i32.add
       local.get $13
       local.get $17
       f32.sub
       local.get $14
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 7
       i32.mul
       i32.add
       local.get $14
       f32.store
       local.get $22
       local.get $21
       i32.const 3
       i32.shl
       i32.add
       local.get $20
       local.get $24
       f32.sub
       local.get $9
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $13
       f32.store
       local.get $22
       local.get $21
       i32.const 9
       i32.mul
       i32.add
       local.get $13
       local.get $18
       local.get $25
       f32.sub
       local.get $11
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $14
       f32.add
       local.get $19
       local.get $26
       f32.sub
       local.get $10
       f32.add
       f32.const 0.5
       f32.mul
       local.tee $17
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 10
       i32.mul
       i32.add
       local.get $13
       local.get $14
       f32.sub
       local.get $17
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 11
       i32.mul
       i32.add
       local.get $17
       f32.store
       local.get $22
       local.get $21
       i32.const 12
       i32.mul
       i32.add
       local.get $9
       f32.store
       local.get $22
       local.get $21
       i32.const 13
       i32.mul
       i32.add
       local.get $9
       local.get $11
       f32.add
       local.get $10
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 14
       i32.mul
       i32.add
       local.get $9
       local.get $11
       f32.sub
       local.get $10
       f32.add
       f32.const 0.5
       f32.mul
       f32.store
       local.get $22
       local.get $21
       i32.const 15
       i32.mul
       i32.add
       local.get $10
       f32.store
      end
      local.get $8
      i32.const 1
      i32.add
      local.set $8
      br $for-loop|1
     end
    end
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradInputGradientS2 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32) (param $12 i32) (param $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 v128)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 v128)
  (local $32 i32)
  (local $33 v128)
  (local $34 v128)
  (local $35 v128)
  (local $36 v128)
  local.get $4
  i32.const 1
  i32.add
  i32.const 2
  i32.div_s
  local.tee $17
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  i32.const 2
  i32.shl
  i32.const 4
  i32.add
  local.tee $14
  local.get $7
  local.get $9
  i32.add
  local.tee $15
  local.get $14
  local.get $15
  i32.gt_s
  select
  local.tee $26
  i32.const 2
  i32.shl
  local.set $14
  local.get $3
  i32.const 1
  i32.add
  i32.const 2
  i32.div_s
  local.tee $19
  local.get $17
  i32.mul
  local.tee $21
  local.get $1
  i32.mul
  local.tee $23
  i32.const 6
  i32.add
  i32.const -4
  i32.and
  local.tee $15
  local.get $15
  i32.const 4
  i32.add
  local.get $15
  i32.const 255
  i32.and
  select
  local.tee $20
  i32.const 2
  i32.shl
  local.tee $18
  local.get $2
  i32.mul
  local.set $27
  local.get $12
  local.get $17
  i32.const 3
  i32.add
  i32.const -4
  i32.and
  i32.const 1
  i32.shl
  local.get $19
  i32.const 1
  i32.shl
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.tee $28
  local.get $19
  i32.const 2
  i32.shl
  i32.const 1
  i32.add
  local.tee $15
  local.get $6
  local.get $8
  i32.add
  local.tee $16
  local.get $15
  local.get $16
  i32.gt_s
  select
  local.tee $22
  local.get $26
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.tee $16
  i32.const 448
  i32.add
  local.tee $29
  local.get $27
  i32.const 9
  i32.mul
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.add
  local.set $24
  local.get $5
  local.get $18
  i32.mul
  local.set $15
  local.get $0
  local.get $1
  local.get $2
  local.get $3
  local.get $4
  local.get $12
  local.get $29
  local.get $18
  local.get $27
  i32.const 3
  local.get $16
  call $src/kernels/wasm/assembly/winograd/transformGradients
  local.get $5
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.get $2
  i32.mul
  i32.const 2
  i32.shl
  local.set $3
  i32.const 0
  local.set $0
  loop $for-loop|0
   local.get $0
   i32.const 25
   i32.lt_s
   if
    i32.const 0
    i32.const 0
    local.get $5
    local.get $23
    local.get $2
    i32.const 0
    local.get $2
    local.get $29
    local.get $27
    i32.const 2
    local.get $0
    i32.const 5
    i32.div_s
    local.tee $4
    local.get $4
    i32.const 4
    i32.eq
    select
    i32.const 0
    local.get $4
    i32.const 3
    i32.ne
    select
    i32.const 3
    i32.mul
    i32.const 2
    local.get $0
    i32.const 5
    i32.rem_s
    local.tee $4
    local.get $4
    i32.const 4
    i32.eq
    select
    i32.const 0
    local.get $4
    i32.const 3
    i32.ne
    select
    i32.add
    i32.mul
    i32.add
    local.get $20
    local.get $24
    local.get $0
    local.get $15
    i32.mul
    i32.add
    local.get $20
    i32.const 0
    local.get $13
    local.get $10
    local.get $0
    local.get $3
    i32.mul
    i32.add
    i32.const 0
    i32.const 1
    call $src/kernels/wasm/assembly/gemm/gemm
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|0
   end
  end
  i32.const 0
  local.set $2
  loop $for-loop|1
   local.get $1
   local.get $2
   i32.gt_s
   if
    i32.const 0
    local.set $3
    loop $for-loop|2
     local.get $3
     local.get $5
     i32.lt_s
     if
      local.get $22
      local.get $26
      i32.mul
      local.set $10
      i32.const 0
      local.set $0
      loop $for-loop|3
       local.get $0
       i32.const 4
       i32.add
       local.tee $4
       local.get $10
       i32.le_s
       if
        local.get $28
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        v128.store
        local.get $4
        local.set $0
        br $for-loop|3
       end
      end
      loop $for-loop|4
       local.get $0
       local.get $10
       i32.lt_s
       if
        local.get $28
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        f32.const 0
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|4
       end
      end
      local.get $24
      local.get $3
      local.get $18
      i32.mul
      i32.add
      local.get $2
      local.get $21
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $23
      i32.const 0
      local.set $4
      loop $for-loop|5
       local.get $4
       local.get $19
       i32.lt_s
       if
        local.get $28
        local.get $4
        i32.const 2
        i32.shl
        local.get $14
        i32.mul
        i32.add
        local.set $27
        i32.const 0
        local.set $0
        loop $for-loop|6
         local.get $0
         local.get $17
         i32.lt_s
         if
          local.get $23
          local.get $4
          local.get $17
          i32.mul
          local.get $0
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $29
          local.get $27
          local.get $0
          i32.const 4
          i32.shl
          i32.add
          local.set $12
          v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0xffffffff
          v128.const i32x4 0x00000000 0x00000001 0x00000002 0x00000003
          local.get $17
          local.get $0
          i32.sub
          i32x4.splat
          i32x4.lt_s
          local.get $0
          i32.const 4
          i32.add
          local.tee $0
          local.get $17
          i32.le_s
          select
          local.set $25
          local.get $16
          local.set $10
          i32.const 0
          local.set $13
          i32.const 0
          local.set $20
          loop $for-loop|00
           local.get $13
           i32.const 5
           i32.lt_s
           if
            local.get $29
            local.get $13
            local.get $15
            i32.mul
            i32.add
            local.tee $30
            v128.load
            local.set $31
            local.get $15
            i32.const 5
            i32.mul
            local.tee $32
            local.get $30
            i32.add
            v128.load
            local.set $33
            local.get $30
            local.get $32
            i32.const 1
            i32.shl
            i32.add
            v128.load
            local.set $34
            local.get $30
            local.get $32
            i32.const 3
            i32.mul
            i32.add
            v128.load
            local.set $35
            local.get $30
            local.get $32
            i32.const 2
            i32.shl
            i32.add
            v128.load
            local.set $36
            local.get $10
            local.get $13
            i32.const 4
            i32.shl
            i32.add
            local.tee $30
            local.get $31
            v128.store
            local.get $30
            local.get $35
            v128.store offset=80
            local.get $30
            local.get $33
            local.get $31
            f32x4.sub
            local.get $34
            f32x4.sub
            v128.store offset=160
            local.get $30
            local.get $36
            v128.store offset=240
            local.get $30
            local.get $34
            v128.store offset=320
            local.get $13
            i32.const 1
            i32.add
            local.set $13
            br $for-loop|00
           end
          end
          loop $for-loop|11
           local.get $20
           i32.const 5
           i32.lt_s
           if
            local.get $12
            local.get $14
            local.get $20
            i32.mul
            i32.add
            local.tee $13
            v128.load
            local.set $31
            local.get $13
            local.get $31
            local.get $10
            local.get $20
            i32.const 80
            i32.mul
            i32.add
            local.tee $29
            v128.load
            local.tee $31
            local.get $25
            v128.and
            local.tee $33
            local.get $29
            v128.load offset=48
            local.get $25
            v128.and
            local.tee $34
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.get $29
            v128.load offset=16
            local.get $31
            f32x4.sub
            local.get $29
            v128.load offset=32
            local.tee $31
            f32x4.sub
            local.get $25
            v128.and
            local.tee $35
            local.get $29
            v128.load offset=64
            local.get $25
            v128.and
            local.tee $36
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            f32x4.add
            v128.store
            local.get $13
            local.get $13
            i32.const 16
            i32.add
            v128.load
            local.get $33
            local.get $34
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.get $35
            local.get $36
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            local.get $31
            local.get $25
            v128.and
            local.tee $31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            i8x16.shuffle 0 1 2 3 16 17 18 19 16 17 18 19 16 17 18 19
            f32x4.add
            f32x4.add
            v128.store offset=16
            local.get $13
            local.get $13
            i32.const 32
            i32.add
            v128.load
            local.get $33
            local.get $34
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.tee $33
            local.get $35
            local.get $36
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.tee $34
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            i8x16.shuffle 4 5 6 7 16 17 18 19 16 17 18 19 16 17 18 19
            f32x4.add
            f32x4.add
            v128.store offset=32
            local.get $13
            i32.const 48
            i32.add
            local.get $13
            v128.load offset=48
            local.get $33
            local.get $34
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            local.get $31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            i8x16.shuffle 8 9 10 11 16 17 18 19 16 17 18 19 16 17 18 19
            f32x4.add
            f32x4.add
            v128.store
            local.get $13
            local.get $13
            f32.load offset=64
            local.get $31
            f32x4.extract_lane 3
            f32.add
            f32.store offset=64
            local.get $20
            i32.const 1
            i32.add
            local.set $20
            br $for-loop|11
           end
          end
          br $for-loop|6
         end
        end
        local.get $4
        i32.const 1
        i32.add
        local.set $4
        br $for-loop|5
       end
      end
      local.get $11
      local.get $2
      local.get $5
      i32.mul
      local.get $3
      i32.add
      local.get $6
      i32.mul
      local.get $7
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $12
      i32.const 0
      local.set $4
      loop $for-loop|7
       local.get $4
       local.get $6
       i32.lt_s
       if
        local.get $12
        local.get $4
        local.get $7
        i32.mul
        i32.const 2
        i32.shl
        i32.add
        local.set $13
        local.get $28
        local.get $4
        local.get $8
        i32.add
        local.get $26
        i32.mul
        local.get $9
        i32.add
        i32.const 2
        i32.shl
        i32.add
        local.set $20
        block $src/kernels/wasm/assembly/memory/copyFloats|inlined.7
         local.get $7
         i32.const 4
         i32.lt_s
         if
          i32.const 0
          local.set $0
          loop $for-loop|8
           local.get $0
           local.get $7
           i32.lt_s
           if
            local.get $0
            i32.const 2
            i32.shl
            local.tee $10
            local.get $13
            i32.add
            local.get $10
            local.get $20
            i32.add
            f32.load
            f32.store
            local.get $0
            i32.const 1
            i32.add
            local.set $0
            br $for-loop|8
           end
          end
          br $src/kernels/wasm/assembly/memory/copyFloats|inlined.7
         end
         i32.const 0
         local.set $0
         loop $for-loop|9
          local.get $0
          i32.const 4
          i32.add
          local.tee $10
          local.get $7
          i32.le_s
          if
           local.get $0
           i32.const 2
           i32.shl
           local.tee $0
           local.get $13
           i32.add
           local.get $0
           local.get $20
           i32.add
           v128.load
           v128.store
           local.get $10
           local.set $0
           br $for-loop|9
          end
         end
         local.get $0
         local.get $7
         i32.lt_s
         if
          local.get $7
          i32.const 4
          i32.sub
          i32.const 2
          i32.shl
          local.tee $0
          local.get $13
          i32.add
          local.get $0
          local.get $20
          i32.add
          v128.load
          v128.store
         end
        end
        local.get $4
        i32.const 1
        i32.add
        local.set $4
        br $for-loop|7
       end
      end
      local.get $3
      i32.const 1
      i32.add
      local.set $3
      br $for-loop|2
     end
    end
    local.get $2
    i32.const 1
    i32.add
    local.set $2
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/winogradAddWeightGradient (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 f32)
  (local $9 f32)
  (local $10 f32)
  (local $11 f32)
  (local $12 f32)
  (local $13 f32)
  (local $14 f32)
  (local $15 f32)
  (local $16 f32)
  (local $17 f32)
  (local $18 f32)
  (local $19 f32)
  (local $20 f32)
  (local $21 f32)
  (local $22 i32)
  (local $23 f32)
  (local $24 f32)
  (local $25 f32)
  (local $26 f32)
  (local $27 f32)
  (local $28 f32)
  local.get $2
  local.get $3
  i32.mul
  i32.const 2
  i32.shl
  local.set $7
  local.get $4
  i32.const 4
  i32.eq
  if
   loop $for-loop|0
    local.get $5
    i32.const 4
    i32.add
    local.tee $6
    local.get $2
    local.get $3
    i32.mul
    i32.le_s
    if
     local.get $0
     local.get $5
     i32.const 2
     i32.shl
     i32.add
     local.get $7
     local.get $1
     local.get $5
     i32.const 36
     i32.mul
     i32.add
     call $src/kernels/wasm/assembly/winograd-f4/addKernelGradientsF4
     local.get $6
     local.set $5
     br $for-loop|0
    end
   end
  end
  loop $for-loop|1
   local.get $5
   local.get $2
   local.get $3
   i32.mul
   i32.lt_s
   if
    local.get $0
    local.get $5
    i32.const 2
    i32.shl
    i32.add
    local.set $6
    local.get $1
    local.get $5
    i32.const 36
    i32.mul
    i32.add
    local.set $22
    block $for-continue|1
     local.get $4
     i32.const 4
     i32.eq
     if
      local.get $6
      local.get $7
      local.get $22
      call $src/kernels/wasm/assembly/winograd-f4/addKernelGradientF4
      br $for-continue|1
     end
     local.get $6
     local.get $7
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.set $23
     local.get $6
     local.get $7
     i32.const 13
     i32.mul
     i32.add
     f32.load
     local.set $24
     local.get $6
     local.get $7
     i32.const 14
     i32.mul
     i32.add
     f32.load
     local.set $25
     local.get $6
     local.get $7
     i32.const 15
     i32.mul
     i32.add
     f32.load
     local.set $8
     local.get $6
     local.get $7
     i32.const 3
     i32.mul
     i32.add
     f32.load
     local.get $6
     local.get $7
     i32.const 7
     i32.mul
     i32.add
     f32.load
     local.tee $16
     local.get $6
     local.get $7
     i32.const 11
     i32.mul
     i32.add
     f32.load
     local.tee $17
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $9
     f32.add
     local.set $26
     local.get $22
     local.get $22
     f32.load
     local.get $6
     f32.load
     local.get $6
     local.get $7
     i32.const 2
     i32.shl
     i32.add
     f32.load
     local.tee $18
     local.get $6
     local.get $7
     i32.const 3
     i32.shl
     i32.add
     f32.load
     local.tee $27
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $10
     f32.add
     local.get $6
     local.get $7
     i32.add
     f32.load
     local.get $6
     local.get $7
     i32.const 5
     i32.mul
     i32.add
     f32.load
     local.tee $19
     local.get $6
     local.get $7
     i32.const 9
     i32.mul
     i32.add
     f32.load
     local.tee $20
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $11
     f32.add
     local.tee $21
     local.get $6
     local.get $7
     i32.const 1
     i32.shl
     i32.add
     f32.load
     local.get $6
     local.get $7
     i32.const 6
     i32.mul
     i32.add
     f32.load
     local.tee $28
     local.get $6
     local.get $7
     i32.const 10
     i32.mul
     i32.add
     f32.load
     local.tee $12
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $13
     f32.add
     local.tee $14
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $15
     f32.add
     f32.add
     f32.store
     local.get $22
     local.get $22
     f32.load offset=4
     local.get $21
     local.get $14
     f32.sub
     f32.const 0.5
     f32.mul
     f32.add
     f32.store offset=4
     local.get $22
     local.get $22
     f32.load offset=8
     local.get $15
     local.get $26
     f32.add
     f32.add
     f32.store offset=8
     local.get $22
     i32.const 12
     i32.add
     local.get $22
     f32.load offset=12
     local.get $18
     local.get $27
     f32.sub
     f32.const 0.5
     f32.mul
     local.get $19
     local.get $20
     f32.sub
     f32.const 0.5
     f32.mul
     local.tee $14
     local.get $28
     local.get $12
     f32.sub
     f32.const 0.5
     f32.mul
     local.tee $12
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $15
     f32.add
     f32.add
     f32.store
     local.get $22
     local.get $22
     f32.load offset=16
     local.get $14
     local.get $12
     f32.sub
     f32.const 0.5
     f32.mul
     f32.add
     f32.store offset=16
     local.get $22
     local.get $22
     f32.load offset=20
     local.get $15
     local.get $16
     local.get $17
     f32.sub
     f32.const 0.5
     f32.mul
     f32.add
     f32.add
     f32.store offset=20
     local.get $22
     i32.const 24
     i32.add
     local.get $22
     f32.load offset=24
     local.get $10
     local.get $23
     f32.add
     local.get $11
     local.get $24
     f32.add
     local.tee $10
     local.get $13
     local.get $25
     f32.add
     local.tee $11
     f32.add
     f32.const 0.5
     f32.mul
     local.tee $12
     f32.add
     f32.add
     f32.store
     local.get $22
     local.get $22
     f32.load offset=28
     local.get $10
     local.get $11
     f32.sub
     f32.const 0.5
     f32.mul
     f32.add
     f32.store offset=28
     local.get $22
     local.get $22
     f32.load offset=32
     local.get $12
     local.get $9
     local.get $8
     f32.add
     f32.add
     f32.add
     f32.store offset=32
    end
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/outputTransforms (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 i32) (param $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 i32)
  (local $36 i32)
  (local $37 i32)
  (local $38 i32)
  (local $39 v128)
  (local $40 v128)
  (local $41 v128)
  i32.const 2
  local.get $0
  local.get $0
  i32.const 3
  i32.eq
  select
  local.tee $12
  local.get $6
  i32.add
  i32.const 1
  i32.sub
  local.get $12
  i32.div_s
  local.tee $24
  local.get $7
  local.get $12
  i32.add
  i32.const 1
  i32.sub
  local.get $12
  i32.div_s
  local.tee $23
  i32.mul
  local.set $20
  loop $for-loop|0
   local.get $4
   local.get $28
   i32.gt_s
   if
    i32.const 0
    local.set $29
    loop $for-loop|1
     local.get $5
     local.get $29
     i32.gt_s
     if
      local.get $8
      if (result f32)
       local.get $8
       local.get $29
       i32.const 2
       i32.shl
       i32.add
       f32.load
      else
       f32.const 0
      end
      f32x4.splat
      local.set $32
      local.get $1
      local.get $3
      local.get $29
      i32.mul
      i32.add
      local.get $20
      local.get $28
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $19
      local.get $10
      local.get $5
      local.get $28
      i32.mul
      local.get $29
      i32.add
      local.get $6
      i32.mul
      local.get $7
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $27
      i32.const 0
      local.set $31
      loop $for-loop|2
       local.get $24
       local.get $31
       i32.gt_s
       if
        i32.const 0
        local.set $30
        loop $for-loop|3
         local.get $23
         local.get $30
         i32.gt_s
         if
          local.get $19
          local.get $23
          local.get $31
          i32.mul
          local.get $30
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $13
          local.get $0
          i32.const 4
          i32.eq
          if
           block $src/kernels/wasm/assembly/winograd/outputGroup4|inlined.0
            local.get $13
            local.get $2
            local.get $32
            local.get $9
            local.get $11
            i32.const 576
            i32.add
            local.tee $36
            local.get $11
            call $src/kernels/wasm/assembly/winograd-f4/outputTransformF4
            local.get $27
            local.get $30
            i32.const 2
            i32.shl
            local.tee $22
            local.get $31
            i32.const 2
            i32.shl
            local.tee $12
            local.get $7
            i32.mul
            i32.add
            i32.const 2
            i32.shl
            i32.add
            local.set $21
            i32.const 4
            local.get $6
            local.get $12
            i32.sub
            local.tee $12
            local.get $12
            i32.const 4
            i32.gt_s
            select
            local.set $37
            local.get $22
            i32.const 16
            i32.add
            local.get $7
            i32.le_s
            if
             i32.const 0
             local.set $12
             loop $for-loop|4
              local.get $12
              local.get $37
              i32.lt_s
              if
               local.get $21
               local.get $7
               local.get $12
               i32.mul
               i32.const 2
               i32.shl
               i32.add
               local.tee $13
               local.get $36
               local.get $12
               i32.const 6
               i32.shl
               i32.add
               local.tee $22
               v128.load
               v128.store
               local.get $13
               local.get $22
               v128.load offset=16
               v128.store offset=16
               local.get $13
               local.get $22
               v128.load offset=32
               v128.store offset=32
               local.get $13
               local.get $22
               v128.load offset=48
               v128.store offset=48
               local.get $12
               i32.const 1
               i32.add
               local.set $12
               br $for-loop|4
              end
             end
             br $src/kernels/wasm/assembly/winograd/outputGroup4|inlined.0
            end
            i32.const 0
            local.set $35
            loop $for-loop|5
             local.get $35
             local.get $37
             i32.lt_s
             if
              local.get $21
              local.get $7
              local.get $35
              i32.mul
              i32.const 2
              i32.shl
              i32.add
              local.set $26
              local.get $36
              local.get $35
              i32.const 6
              i32.shl
              i32.add
              local.set $25
              block $src/kernels/wasm/assembly/memory/copyFloats|inlined.5
               local.get $7
               local.get $22
               i32.sub
               local.tee $38
               i32.const 4
               i32.lt_s
               if
                i32.const 0
                local.set $12
                loop $for-loop|6
                 local.get $12
                 local.get $38
                 i32.lt_s
                 if
                  local.get $12
                  i32.const 2
                  i32.shl
                  local.tee $13
                  local.get $26
                  i32.add
                  local.get $13
                  local.get $25
                  i32.add
                  f32.load
                  f32.store
                  local.get $12
                  i32.const 1
                  i32.add
                  local.set $12
                  br $for-loop|6
                 end
                end
                br $src/kernels/wasm/assembly/memory/copyFloats|inlined.5
               end
               i32.const 0
               local.set $12
               loop $for-loop|7
                local.get $12
                i32.const 4
                i32.add
                local.tee $13
                local.get $38
                i32.le_s
                if
                 local.get $12
                 i32.const 2
                 i32.shl
                 local.tee $12
                 local.get $26
                 i32.add
                 local.get $12
                 local.get $25
                 i32.add
                 v128.load
                 v128.store
                 local.get $13
                 local.set $12
                 br $for-loop|7
                end
               end
               local.get $12
               local.get $38
               i32.lt_s
               if
                local.get $38
                i32.const 4
                i32.sub
                i32.const 2
                i32.shl
                local.tee $12
                local.get $26
                i32.add
                local.get $12
                local.get $25
                i32.add
                v128.load
                v128.store
               end
              end
              local.get $35
              i32.const 1
              i32.add
              local.set $35
              br $for-loop|5
             end
            end
           end
          else
           local.get $0
           i32.const 3
           i32.eq
           if
            local.get $11
            i32.const 576
            i32.add
            local.set $21
            i32.const 0
            local.set $12
            loop $for-loop|00
             local.get $12
             i32.const 2
             i32.lt_s
             if
              local.get $13
              local.get $12
              i32.const 5
              i32.mul
              local.tee $22
              i32.const 1
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              local.get $13
              local.get $22
              i32.const 6
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $13
              local.get $22
              i32.const 16
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.set $14
              local.get $13
              local.get $2
              local.get $22
              i32.mul
              i32.add
              v128.load
              local.get $13
              local.get $22
              i32.const 5
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $13
              local.get $22
              i32.const 15
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $14
              f32x4.add
              local.get $13
              local.get $22
              i32.const 3
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              local.get $13
              local.get $22
              i32.const 8
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $13
              local.get $22
              i32.const 18
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              f32x4.add
              local.get $32
              f32x4.add
              local.set $15
              local.get $14
              local.get $13
              local.get $22
              i32.const 2
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              local.get $13
              local.get $22
              i32.const 7
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $13
              local.get $22
              i32.const 17
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              f32x4.add
              local.get $13
              local.get $22
              i32.const 4
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              local.get $13
              local.get $22
              i32.const 9
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              local.get $13
              local.get $22
              i32.const 19
              i32.add
              local.get $2
              i32.mul
              i32.add
              v128.load
              f32x4.add
              f32x4.add
              local.get $32
              f32x4.add
              local.set $34
              local.get $21
              local.get $12
              i32.const 5
              i32.shl
              i32.add
              local.tee $22
              local.get $9
              if (result v128)
               local.get $34
               v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
               f32x4.max
               local.set $34
               local.get $15
               v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
               f32x4.max
              else
               local.get $15
              end
              v128.store
              local.get $22
              local.get $34
              v128.store offset=16
              local.get $12
              i32.const 1
              i32.add
              local.set $12
              br $for-loop|00
             end
            end
            local.get $21
            v128.load
            local.tee $14
            local.get $21
            v128.load offset=16
            local.tee $15
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.set $16
            local.get $14
            local.get $15
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.set $14
            local.get $21
            v128.load offset=32
            local.tee $15
            local.get $21
            v128.load offset=48
            local.tee $17
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.set $18
            local.get $15
            local.get $17
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.set $15
            local.get $27
            local.get $30
            i32.const 1
            i32.shl
            local.tee $12
            local.get $31
            i32.const 1
            i32.shl
            local.tee $13
            local.get $7
            i32.mul
            i32.add
            i32.const 2
            i32.shl
            i32.add
            local.set $21
            block $src/kernels/wasm/assembly/winograd/storeGroup2|inlined.0
             local.get $13
             i32.const 2
             i32.add
             local.get $6
             i32.le_s
             local.get $12
             i32.const 8
             i32.add
             local.get $7
             i32.le_s
             i32.and
             if
              local.get $21
              local.get $16
              v128.store
              local.get $21
              local.get $14
              v128.store offset=16
              local.get $21
              local.get $7
              i32.const 2
              i32.shl
              i32.add
              local.tee $12
              local.get $18
              v128.store
              local.get $12
              local.get $15
              v128.store offset=16
              br $src/kernels/wasm/assembly/winograd/storeGroup2|inlined.0
             end
             local.get $11
             local.get $16
             v128.store
             local.get $11
             local.get $14
             v128.store offset=16
             local.get $11
             local.get $18
             v128.store offset=32
             local.get $11
             local.get $15
             v128.store offset=48
             i32.const 8
             local.get $7
             local.get $12
             i32.sub
             local.tee $12
             local.get $12
             i32.const 8
             i32.gt_s
             select
             local.set $22
             i32.const 2
             local.get $6
             local.get $13
             i32.sub
             local.tee $12
             local.get $12
             i32.const 2
             i32.gt_s
             select
             local.set $13
             i32.const 0
             local.set $35
             loop $for-loop|8
              local.get $13
              local.get $35
              i32.gt_s
              if
               i32.const 0
               local.set $12
               loop $for-loop|9
                local.get $12
                local.get $22
                i32.lt_s
                if
                 local.get $21
                 local.get $7
                 local.get $35
                 i32.mul
                 local.get $12
                 i32.add
                 i32.const 2
                 i32.shl
                 i32.add
                 local.get $11
                 local.get $35
                 i32.const 3
                 i32.shl
                 local.get $12
                 i32.add
                 i32.const 2
                 i32.shl
                 i32.add
                 f32.load
                 f32.store
                 local.get $12
                 i32.const 1
                 i32.add
                 local.set $12
                 br $for-loop|9
                end
               end
               local.get $35
               i32.const 1
               i32.add
               local.set $35
               br $for-loop|8
              end
             end
            end
           else
            local.get $13
            v128.load
            local.get $13
            local.get $2
            i32.const 2
            i32.shl
            i32.add
            v128.load
            local.tee $15
            f32x4.add
            local.get $13
            local.get $2
            i32.const 3
            i32.shl
            i32.add
            v128.load
            local.tee $14
            f32x4.add
            local.get $2
            local.get $13
            i32.add
            v128.load
            local.get $13
            local.get $2
            i32.const 5
            i32.mul
            i32.add
            v128.load
            local.tee $39
            f32x4.add
            local.get $13
            local.get $2
            i32.const 9
            i32.mul
            i32.add
            v128.load
            local.tee $40
            f32x4.add
            local.tee $16
            f32x4.add
            local.get $13
            local.get $2
            i32.const 1
            i32.shl
            i32.add
            v128.load
            local.get $13
            local.get $2
            i32.const 6
            i32.mul
            i32.add
            v128.load
            local.tee $18
            f32x4.add
            local.get $13
            local.get $2
            i32.const 10
            i32.mul
            i32.add
            v128.load
            local.tee $17
            f32x4.add
            local.tee $34
            f32x4.add
            local.get $32
            f32x4.add
            local.set $33
            local.get $16
            local.get $34
            f32x4.sub
            local.get $13
            local.get $2
            i32.const 3
            i32.mul
            i32.add
            v128.load
            local.get $13
            local.get $2
            i32.const 7
            i32.mul
            i32.add
            v128.load
            local.tee $41
            f32x4.add
            local.get $13
            local.get $2
            i32.const 11
            i32.mul
            i32.add
            v128.load
            local.tee $16
            f32x4.add
            f32x4.sub
            local.get $32
            f32x4.add
            local.set $34
            local.get $15
            local.get $14
            f32x4.sub
            local.get $13
            local.get $2
            i32.const 12
            i32.mul
            i32.add
            v128.load
            f32x4.sub
            local.get $39
            local.get $40
            f32x4.sub
            local.get $13
            local.get $2
            i32.const 13
            i32.mul
            i32.add
            v128.load
            f32x4.sub
            local.tee $14
            f32x4.add
            local.get $18
            local.get $17
            f32x4.sub
            local.get $13
            local.get $2
            i32.const 14
            i32.mul
            i32.add
            v128.load
            f32x4.sub
            local.tee $17
            f32x4.add
            local.get $32
            f32x4.add
            local.set $15
            local.get $14
            local.get $17
            f32x4.sub
            local.get $41
            local.get $16
            f32x4.sub
            local.get $13
            local.get $2
            i32.const 15
            i32.mul
            i32.add
            v128.load
            f32x4.sub
            f32x4.sub
            local.get $32
            f32x4.add
            local.set $14
            local.get $9
            if
             local.get $34
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             f32x4.max
             local.set $34
             local.get $15
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             f32x4.max
             local.set $15
             local.get $33
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             f32x4.max
             local.set $33
             local.get $14
             v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
             f32x4.max
             local.set $14
            end
            local.get $33
            local.get $34
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.set $16
            local.get $33
            local.get $34
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.set $17
            local.get $15
            local.get $14
            i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            local.set $18
            local.get $15
            local.get $14
            i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
            local.set $14
            local.get $27
            local.get $30
            i32.const 1
            i32.shl
            local.tee $13
            local.get $7
            local.get $31
            i32.const 1
            i32.shl
            local.tee $12
            i32.mul
            i32.add
            i32.const 2
            i32.shl
            i32.add
            local.set $21
            block $src/kernels/wasm/assembly/winograd/storeGroup2|inlined.1
             local.get $13
             i32.const 8
             i32.add
             local.get $7
             i32.le_s
             local.get $6
             local.get $12
             i32.const 2
             i32.add
             i32.ge_s
             i32.and
             if
              local.get $21
              local.get $16
              v128.store
              local.get $21
              local.get $17
              v128.store offset=16
              local.get $21
              local.get $7
              i32.const 2
              i32.shl
              i32.add
              local.tee $12
              local.get $18
              v128.store
              local.get $12
              local.get $14
              v128.store offset=16
              br $src/kernels/wasm/assembly/winograd/storeGroup2|inlined.1
             end
             local.get $11
             local.get $16
             v128.store
             local.get $11
             local.get $17
             v128.store offset=16
             local.get $11
             local.get $18
             v128.store offset=32
             local.get $11
             local.get $14
             v128.store offset=48
             i32.const 8
             local.get $7
             local.get $13
             i32.sub
             local.tee $13
             local.get $13
             i32.const 8
             i32.gt_s
             select
             local.set $22
             i32.const 2
             local.get $6
             local.get $12
             i32.sub
             local.tee $12
             local.get $12
             i32.const 2
             i32.gt_s
             select
             local.set $25
             i32.const 0
             local.set $12
             loop $for-loop|10
              local.get $12
              local.get $25
              i32.lt_s
              if
               i32.const 0
               local.set $13
               loop $for-loop|11
                local.get $13
                local.get $22
                i32.lt_s
                if
                 local.get $21
                 local.get $7
                 local.get $12
                 i32.mul
                 local.get $13
                 i32.add
                 i32.const 2
                 i32.shl
                 i32.add
                 local.get $11
                 local.get $12
                 i32.const 3
                 i32.shl
                 local.get $13
                 i32.add
                 i32.const 2
                 i32.shl
                 i32.add
                 f32.load
                 f32.store
                 local.get $13
                 i32.const 1
                 i32.add
                 local.set $13
                 br $for-loop|11
                end
               end
               local.get $12
               i32.const 1
               i32.add
               local.set $12
               br $for-loop|10
              end
             end
            end
           end
          end
          local.get $30
          i32.const 4
          i32.add
          local.set $30
          br $for-loop|3
         end
        end
        local.get $31
        i32.const 1
        i32.add
        local.set $31
        br $for-loop|2
       end
      end
      local.get $29
      i32.const 1
      i32.add
      local.set $29
      br $for-loop|1
     end
    end
    local.get $28
    i32.const 1
    i32.add
    local.set $28
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd/kernelRowsF4 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 v128)
  (local $9 i32)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  local.get $3
  local.get $2
  local.get $4
  select
  local.tee $18
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.tee $9
  local.set $22
  local.get $9
  local.get $2
  local.get $3
  local.get $4
  select
  local.tee $20
  i32.mul
  i32.const 2
  i32.shl
  local.set $21
  local.get $5
  local.set $9
  loop $for-loop|0
   local.get $6
   local.get $9
   i32.gt_s
   if
    i32.const 0
    local.set $2
    loop $for-loop|1
     local.get $2
     local.get $20
     i32.lt_s
     if
      local.get $20
      local.get $2
      i32.const 256
      i32.div_s
      i32.const 8
      i32.shl
      local.tee $5
      i32.sub
      local.set $19
      local.get $1
      local.get $5
      local.get $22
      i32.mul
      i32.const 256
      local.get $19
      local.get $19
      i32.const 256
      i32.gt_s
      select
      local.get $9
      i32.mul
      i32.add
      local.get $2
      local.get $5
      i32.sub
      i32.const 2
      i32.shl
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.set $23
      i32.const 0
      local.set $19
      loop $for-loop|2
       local.get $19
       i32.const 4
       i32.lt_s
       if
        local.get $18
        local.get $9
        local.get $19
        i32.add
        local.tee $5
        i32.gt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 32
         i32.const 0
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 32
         i32.const 0
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 32
         i32.const 0
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 32
         i32.const 0
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $10
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 28
         i32.const 4
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 28
         i32.const 4
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 28
         i32.const 4
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 28
         i32.const 4
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $11
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 24
         i32.const 8
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 24
         i32.const 8
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 24
         i32.const 8
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 24
         i32.const 8
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $12
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 20
         i32.const 12
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 20
         i32.const 12
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 20
         i32.const 12
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 20
         i32.const 12
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $13
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         f32.load offset=16
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         f32.load offset=16
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         f32.load offset=16
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         f32.load offset=16
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $14
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 12
         i32.const 20
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 12
         i32.const 20
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 12
         i32.const 20
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 12
         i32.const 20
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $15
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 8
         i32.const 24
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 8
         i32.const 24
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 8
         i32.const 24
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 8
         i32.const 24
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $16
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 4
         i32.const 28
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 4
         i32.const 28
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 4
         i32.const 28
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $5
        i32.const 3
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 4
         i32.const 28
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        local.set $17
        local.get $5
        local.get $18
        i32.lt_s
        if (result v128)
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
         local.get $0
         local.get $2
         local.get $3
         i32.mul
         local.get $5
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 0
         i32.const 32
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 0
        else
         v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        end
        local.set $8
        local.get $5
        i32.const 1
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        i32.const 4
        local.get $19
        i32.sub
        local.tee $25
        i32.const 1
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 0
         i32.const 32
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 1
         local.set $8
        end
        local.get $5
        i32.const 2
        i32.add
        local.tee $24
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 2
        i32.gt_s
        i32.and
        if
         local.get $8
         local.get $0
         local.get $24
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $24
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 0
         i32.const 32
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 2
         local.set $8
        end
        local.get $7
        local.get $10
        local.get $11
        local.get $12
        local.get $13
        local.get $14
        local.get $15
        local.get $16
        local.get $17
        local.get $5
        i32.const 3
        i32.add
        local.tee $5
        local.get $18
        i32.lt_s
        local.get $25
        i32.const 3
        i32.gt_s
        i32.and
        if (result v128)
         local.get $8
         local.get $0
         local.get $5
         local.get $2
         local.get $3
         i32.mul
         i32.add
         local.get $3
         local.get $5
         i32.mul
         local.get $2
         i32.add
         local.get $4
         select
         i32.const 36
         i32.mul
         i32.add
         i32.const 0
         i32.const 32
         local.get $4
         select
         i32.add
         f32.load
         f32x4.replace_lane 3
        else
         local.get $8
        end
        call $src/kernels/wasm/assembly/winograd-f4/kernelTransformF4
        local.get $23
        local.get $19
        i32.const 2
        i32.shl
        i32.add
        local.set $24
        i32.const 4
        local.get $19
        i32.sub
        i32.const 4
        i32.ge_s
        if
         i32.const 0
         local.set $5
         loop $for-loop|3
          local.get $5
          i32.const 36
          i32.lt_s
          if
           local.get $24
           local.get $5
           local.get $21
           i32.mul
           i32.add
           local.get $7
           local.get $5
           i32.const 4
           i32.shl
           i32.add
           v128.load
           v128.store
           local.get $5
           i32.const 1
           i32.add
           local.set $5
           br $for-loop|3
          end
         end
        else
         i32.const 0
         local.set $5
         loop $for-loop|4
          local.get $5
          i32.const 36
          i32.lt_s
          if
           local.get $24
           local.get $5
           local.get $21
           i32.mul
           i32.add
           local.get $7
           local.get $5
           i32.const 4
           i32.shl
           i32.add
           i64.load
           i64.store
           local.get $5
           i32.const 1
           i32.add
           local.set $5
           br $for-loop|4
          end
         end
        end
        local.get $19
        i32.const 4
        i32.add
        local.set $19
        br $for-loop|2
       end
      end
      local.get $2
      i32.const 1
      i32.add
      local.set $2
      br $for-loop|1
     end
    end
    local.get $9
    i32.const 4
    i32.add
    local.set $9
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd-s2/kernelTransformS2 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 f32)
  (local $4 f32)
  (local $5 f32)
  (local $6 f32)
  (local $7 f32)
  (local $8 f32)
  (local $9 f32)
  (local $10 f32)
  (local $11 f32)
  local.get $0
  f32.load offset=12
  local.set $4
  local.get $0
  f32.load offset=16
  local.set $3
  local.get $0
  f32.load offset=20
  local.set $5
  local.get $0
  f32.load offset=24
  local.set $7
  local.get $0
  f32.load offset=28
  local.set $8
  local.get $0
  f32.load offset=32
  local.set $6
  local.get $0
  f32.load offset=4
  local.set $9
  local.get $0
  f32.load offset=8
  local.set $10
  local.get $1
  local.get $0
  f32.load
  local.tee $11
  f32.store
  local.get $1
  local.get $2
  i32.add
  local.get $11
  local.get $10
  f32.add
  f32.store
  local.get $1
  local.get $2
  i32.const 1
  i32.shl
  i32.add
  local.get $10
  f32.store
  local.get $1
  local.get $2
  i32.const 3
  i32.mul
  i32.add
  local.get $9
  f32.store
  local.get $1
  local.get $2
  i32.const 2
  i32.shl
  i32.add
  local.get $9
  f32.store
  local.get $1
  local.get $2
  i32.const 5
  i32.mul
  i32.add
  local.get $11
  local.get $7
  f32.add
  local.tee $11
  f32.store
  local.get $1
  local.get $2
  i32.const 6
  i32.mul
  i32.add
  local.get $11
  local.get $10
  local.get $6
  f32.add
  local.tee $10
  f32.add
  f32.store
  local.get $1
  local.get $2
  i32.const 7
  i32.mul
  i32.add
  local.get $10
  f32.store
  local.get $1
  local.get $2
  i32.const 3
  i32.shl
  i32.add
  local.get $9
  local.get $8
  f32.add
  local.tee $9
  f32.store
  local.get $1
  local.get $2
  i32.const 9
  i32.mul
  i32.add
  local.get $9
  f32.store
  local.get $1
  local.get $2
  i32.const 10
  i32.mul
  i32.add
  local.get $7
  f32.store
  local.get $1
  local.get $2
  i32.const 11
  i32.mul
  i32.add
  local.get $7
  local.get $6
  f32.add
  f32.store
  local.get $1
  local.get $2
  i32.const 12
  i32.mul
  i32.add
  local.get $6
  f32.store
  local.get $1
  local.get $2
  i32.const 13
  i32.mul
  i32.add
  local.get $8
  f32.store
  local.get $1
  local.get $2
  i32.const 14
  i32.mul
  i32.add
  local.get $8
  f32.store
  local.get $1
  local.get $2
  i32.const 15
  i32.mul
  i32.add
  local.get $4
  f32.store
  local.get $1
  local.get $2
  i32.const 4
  i32.shl
  i32.add
  local.get $4
  local.get $5
  f32.add
  local.tee $6
  f32.store
  local.get $1
  local.get $2
  i32.const 17
  i32.mul
  i32.add
  local.get $5
  f32.store
  local.get $1
  local.get $2
  i32.const 18
  i32.mul
  i32.add
  local.get $3
  f32.store
  local.get $1
  local.get $2
  i32.const 19
  i32.mul
  i32.add
  local.get $3
  f32.store
  local.get $1
  local.get $2
  i32.const 20
  i32.mul
  i32.add
  local.get $4
  f32.store
  local.get $1
  local.get $2
  i32.const 21
  i32.mul
  i32.add
  local.get $6
  f32.store
  local.get $1
  local.get $2
  i32.const 22
  i32.mul
  i32.add
  local.get $5
  f32.store
  local.get $1
  local.get $2
  i32.const 23
  i32.mul
  i32.add
  local.get $3
  f32.store
  local.get $1
  local.get $2
  i32.const 24
  i32.mul
  i32.add
  local.get $3
  f32.store
 )
 (func $src/kernels/wasm/assembly/winograd-f4/outputTransformF4 (param $0 i32) (param $1 i32) (param $2 v128) (param $3 i32) (param $4 i32) (param $5 i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  loop $for-loop|0
   local.get $11
   i32.const 6
   i32.lt_s
   if
    local.get $0
    local.get $1
    local.get $11
    i32.mul
    i32.add
    local.tee $10
    v128.load
    local.set $6
    local.get $10
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $7
    local.get $5
    local.get $11
    i32.const 4
    i32.shl
    i32.add
    local.tee $12
    local.get $6
    local.get $10
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.tee $6
    local.get $10
    local.get $1
    i32.const 12
    i32.mul
    i32.add
    v128.load
    local.tee $8
    f32x4.add
    f32x4.add
    local.get $10
    local.get $1
    i32.const 18
    i32.mul
    i32.add
    v128.load
    local.tee $9
    local.get $10
    local.get $1
    i32.const 24
    i32.mul
    i32.add
    v128.load
    local.tee $14
    f32x4.add
    f32x4.add
    v128.store
    local.get $12
    local.get $6
    local.get $8
    f32x4.sub
    local.tee $15
    local.get $9
    local.get $14
    f32x4.sub
    local.tee $16
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    f32x4.add
    v128.store offset=96
    local.get $12
    local.get $6
    local.get $8
    f32x4.add
    local.get $9
    local.get $14
    f32x4.add
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    v128.store offset=192
    local.get $12
    local.get $15
    local.get $16
    v128.const i32x4 0x41000000 0x41000000 0x41000000 0x41000000
    f32x4.mul
    f32x4.add
    local.get $7
    f32x4.add
    v128.store offset=288
    local.get $11
    i32.const 1
    i32.add
    local.set $11
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $13
   i32.const 4
   i32.lt_s
   if
    local.get $5
    local.get $13
    i32.const 96
    i32.mul
    i32.add
    local.tee $0
    v128.load
    local.get $0
    v128.load offset=16
    local.tee $9
    local.get $0
    v128.load offset=32
    local.tee $14
    f32x4.add
    f32x4.add
    local.get $0
    v128.load offset=48
    local.tee $15
    local.get $0
    v128.load offset=64
    local.tee $6
    f32x4.add
    f32x4.add
    local.get $2
    f32x4.add
    local.set $8
    local.get $9
    local.get $14
    f32x4.sub
    local.tee $16
    local.get $15
    local.get $6
    f32x4.sub
    local.tee $17
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    f32x4.add
    local.get $2
    f32x4.add
    local.set $7
    local.get $9
    local.get $14
    f32x4.add
    local.get $15
    local.get $6
    f32x4.add
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    local.get $2
    f32x4.add
    local.set $9
    local.get $16
    local.get $17
    v128.const i32x4 0x41000000 0x41000000 0x41000000 0x41000000
    f32x4.mul
    f32x4.add
    local.get $0
    v128.load offset=80
    f32x4.add
    local.get $2
    f32x4.add
    local.set $6
    local.get $3
    if
     local.get $8
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.max
     local.set $8
     local.get $7
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.max
     local.set $7
     local.get $9
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.max
     local.set $9
     local.get $6
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.max
     local.set $6
    end
    local.get $4
    local.get $13
    i32.const 6
    i32.shl
    i32.add
    local.tee $0
    local.get $8
    local.get $7
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $14
    local.get $9
    local.get $6
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $15
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $0
    local.get $14
    local.get $15
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=16
    local.get $0
    local.get $8
    local.get $7
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $7
    local.get $9
    local.get $6
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $6
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store offset=32
    local.get $0
    local.get $7
    local.get $6
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=48
    local.get $13
    i32.const 1
    i32.add
    local.set $13
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd-f4/kernelTransformF4 (param $0 i32) (param $1 v128) (param $2 v128) (param $3 v128) (param $4 v128) (param $5 v128) (param $6 v128) (param $7 v128) (param $8 v128) (param $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  local.get $0
  local.get $1
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  local.tee $10
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store
  local.get $0
  local.get $10
  local.get $2
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  local.tee $11
  f32x4.add
  local.get $3
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  local.tee $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=16
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  local.get $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=32
  local.get $0
  local.get $10
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $12
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $10
  local.get $11
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $11
  f32x4.add
  v128.store offset=48
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  v128.store offset=64
  local.get $0
  local.get $12
  v128.store offset=80
  local.get $0
  local.get $1
  local.get $4
  f32x4.add
  local.get $7
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $10
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store offset=96
  local.get $0
  local.get $10
  local.get $2
  local.get $5
  f32x4.add
  local.get $8
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $11
  f32x4.add
  local.get $3
  local.get $6
  f32x4.add
  local.get $9
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=112
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  local.get $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=128
  local.get $0
  local.get $10
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $12
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $10
  local.get $11
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $11
  f32x4.add
  v128.store offset=144
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  v128.store offset=160
  local.get $0
  local.get $12
  v128.store offset=176
  local.get $0
  local.get $1
  local.get $4
  f32x4.sub
  local.get $7
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $10
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store offset=192
  local.get $0
  local.get $10
  local.get $2
  local.get $5
  f32x4.sub
  local.get $8
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $11
  f32x4.add
  local.get $3
  local.get $6
  f32x4.sub
  local.get $9
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  local.tee $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=208
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  local.get $12
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=224
  local.get $0
  local.get $10
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $12
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $10
  local.get $11
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $11
  f32x4.add
  v128.store offset=240
  local.get $0
  local.get $10
  local.get $11
  f32x4.sub
  v128.store offset=256
  local.get $0
  local.get $12
  v128.store offset=272
  local.get $0
  local.get $1
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $7
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $10
  local.get $4
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $4
  f32x4.add
  local.tee $11
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store offset=288
  local.get $0
  local.get $11
  local.get $2
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $8
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $2
  local.get $5
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $5
  f32x4.add
  local.tee $12
  f32x4.add
  local.get $3
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $9
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  local.tee $3
  f32x4.add
  local.tee $1
  local.get $6
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $6
  f32x4.add
  local.tee $13
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=304
  local.get $0
  local.get $11
  local.get $12
  f32x4.sub
  local.get $13
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=320
  local.get $0
  local.get $11
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $13
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $11
  local.get $12
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $12
  f32x4.add
  v128.store offset=336
  local.get $0
  local.get $11
  local.get $12
  f32x4.sub
  v128.store offset=352
  local.get $0
  local.get $13
  v128.store offset=368
  local.get $0
  local.get $10
  local.get $4
  f32x4.sub
  local.tee $4
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store offset=384
  local.get $0
  local.get $4
  local.get $2
  local.get $5
  f32x4.sub
  local.tee $2
  f32x4.add
  local.get $1
  local.get $6
  f32x4.sub
  local.tee $1
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=400
  local.get $0
  local.get $4
  local.get $2
  f32x4.sub
  local.get $1
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=416
  local.get $0
  local.get $4
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $1
  v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
  f32x4.mul
  f32x4.add
  local.tee $4
  local.get $2
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $2
  f32x4.add
  v128.store offset=432
  local.get $0
  local.get $4
  local.get $2
  f32x4.sub
  v128.store offset=448
  local.get $0
  local.get $1
  v128.store offset=464
  local.get $0
  i32.const 480
  i32.add
  local.get $7
  v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
  f32x4.mul
  v128.store
  local.get $0
  local.get $7
  local.get $8
  f32x4.add
  local.get $9
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=496
  local.get $0
  local.get $7
  local.get $8
  f32x4.sub
  local.get $9
  f32x4.add
  v128.const i32x4 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab 0xbe2aaaab
  f32x4.mul
  v128.store offset=512
  local.get $0
  local.get $7
  v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
  f32x4.mul
  local.get $3
  f32x4.add
  local.tee $1
  local.get $8
  v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
  f32x4.mul
  local.tee $2
  f32x4.add
  v128.store offset=528
  local.get $0
  local.get $1
  local.get $2
  f32x4.sub
  v128.store offset=544
  local.get $0
  local.get $9
  v128.store offset=560
 )
 (func $src/kernels/wasm/assembly/winograd-f4/inputTransformF4 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 v128)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 v128)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  loop $for-loop|0
   local.get $8
   i32.const 5
   i32.lt_s
   if
    local.get $8
    i32.const 4
    i32.shl
    local.tee $10
    local.get $0
    i32.add
    local.tee $6
    v128.load
    local.set $5
    local.get $1
    local.get $6
    i32.add
    v128.load
    local.set $9
    local.get $6
    local.get $1
    i32.const 3
    i32.mul
    i32.add
    v128.load
    local.set $11
    local.get $6
    local.get $1
    i32.const 5
    i32.mul
    i32.add
    v128.load
    local.set $12
    local.get $4
    local.get $10
    i32.add
    local.tee $10
    local.get $5
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    local.get $6
    local.get $1
    i32.const 1
    i32.shl
    i32.add
    v128.load
    local.tee $5
    v128.const i32x4 0x40a00000 0x40a00000 0x40a00000 0x40a00000
    f32x4.mul
    f32x4.sub
    local.get $6
    local.get $1
    i32.const 2
    i32.shl
    i32.add
    v128.load
    local.tee $13
    f32x4.add
    v128.store
    local.get $10
    local.get $11
    local.get $13
    f32x4.add
    local.get $9
    local.get $5
    f32x4.add
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.sub
    v128.store offset=80
    local.get $10
    local.get $13
    local.get $11
    f32x4.sub
    local.get $9
    local.get $5
    f32x4.sub
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    v128.store offset=160
    local.get $10
    local.get $13
    local.get $5
    f32x4.sub
    local.tee $5
    local.get $11
    local.get $9
    f32x4.sub
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    local.tee $13
    f32x4.add
    v128.store offset=240
    local.get $10
    local.get $5
    local.get $13
    f32x4.sub
    v128.store offset=320
    local.get $10
    local.get $9
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    local.get $11
    v128.const i32x4 0x40a00000 0x40a00000 0x40a00000 0x40a00000
    f32x4.mul
    f32x4.sub
    local.get $12
    f32x4.add
    v128.store offset=400
    local.get $8
    i32.const 1
    i32.add
    local.set $8
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $7
   i32.const 6
   i32.lt_s
   if
    local.get $4
    local.get $7
    i32.const 80
    i32.mul
    i32.add
    local.tee $0
    v128.load
    local.tee $11
    local.get $0
    v128.load offset=16
    local.tee $12
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $13
    local.get $0
    v128.load offset=32
    local.tee $14
    local.get $0
    v128.load offset=48
    local.tee $15
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $16
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    local.tee $5
    local.get $0
    v128.load offset=64
    local.tee $17
    i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
    local.set $9
    local.get $13
    local.get $16
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    local.tee $13
    local.get $17
    i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 20 21 22 23
    local.set $16
    local.get $11
    local.get $12
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $11
    local.get $14
    local.get $15
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $12
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    local.set $14
    local.get $2
    local.get $7
    i32.const 6
    i32.mul
    local.get $3
    i32.mul
    i32.add
    local.tee $0
    local.get $5
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    local.get $11
    local.get $12
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    local.tee $5
    v128.const i32x4 0x40a00000 0x40a00000 0x40a00000 0x40a00000
    f32x4.mul
    f32x4.sub
    local.get $9
    f32x4.add
    v128.store
    local.get $0
    local.get $3
    i32.add
    local.get $14
    local.get $9
    f32x4.add
    local.get $13
    local.get $5
    f32x4.add
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.sub
    v128.store
    local.get $0
    local.get $3
    i32.const 1
    i32.shl
    i32.add
    local.get $9
    local.get $14
    f32x4.sub
    local.get $13
    local.get $5
    f32x4.sub
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    v128.store
    local.get $0
    local.get $3
    i32.const 3
    i32.mul
    i32.add
    local.get $9
    local.get $5
    f32x4.sub
    local.tee $5
    local.get $14
    local.get $13
    f32x4.sub
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    local.tee $9
    f32x4.add
    v128.store
    local.get $0
    local.get $3
    i32.const 2
    i32.shl
    i32.add
    local.get $5
    local.get $9
    f32x4.sub
    v128.store
    local.get $0
    local.get $3
    i32.const 5
    i32.mul
    i32.add
    local.get $13
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    local.get $14
    v128.const i32x4 0x40a00000 0x40a00000 0x40a00000 0x40a00000
    f32x4.mul
    f32x4.sub
    local.get $16
    f32x4.add
    v128.store
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd-f4/gradientTransformF4 (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 v128)
  (local $6 v128)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 i32)
  (local $12 v128)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  loop $for-loop|0
   local.get $15
   i32.const 4
   i32.lt_s
   if
    local.get $4
    local.get $15
    i32.const 96
    i32.mul
    i32.add
    local.tee $11
    local.get $0
    local.get $1
    local.get $15
    i32.mul
    i32.add
    local.tee $13
    v128.load
    local.tee $8
    local.get $13
    v128.load offset=16
    local.tee $7
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $12
    local.get $13
    v128.load offset=32
    local.tee $6
    local.get $13
    v128.load offset=48
    local.tee $5
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $9
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    local.tee $10
    v128.store
    local.get $11
    local.get $10
    local.get $8
    local.get $7
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $7
    local.get $6
    local.get $5
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $5
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    local.tee $8
    f32x4.add
    local.tee $6
    local.get $12
    local.get $9
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    local.tee $9
    local.get $7
    local.get $5
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    local.tee $7
    f32x4.add
    local.tee $5
    f32x4.add
    v128.store offset=16
    local.get $11
    local.get $6
    local.get $5
    f32x4.sub
    v128.store offset=32
    local.get $11
    local.get $10
    local.get $8
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    local.tee $6
    local.get $9
    local.get $7
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    local.tee $5
    f32x4.add
    v128.store offset=48
    local.get $11
    local.get $6
    local.get $5
    f32x4.sub
    v128.store offset=64
    local.get $11
    local.get $7
    v128.store offset=80
    local.get $15
    i32.const 1
    i32.add
    local.set $15
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $14
   i32.const 6
   i32.lt_s
   if
    local.get $4
    local.get $14
    i32.const 4
    i32.shl
    i32.add
    local.tee $0
    v128.load
    local.set $10
    local.get $0
    v128.load offset=96
    local.set $9
    local.get $0
    v128.load offset=192
    local.set $8
    local.get $0
    v128.load offset=288
    local.set $7
    local.get $2
    local.get $3
    local.get $14
    i32.mul
    i32.add
    local.tee $0
    local.get $10
    v128.store
    local.get $0
    local.get $3
    i32.const 6
    i32.mul
    i32.add
    local.get $10
    local.get $8
    f32x4.add
    local.tee $6
    local.get $9
    local.get $7
    f32x4.add
    local.tee $5
    f32x4.add
    v128.store
    local.get $0
    local.get $3
    i32.const 12
    i32.mul
    i32.add
    local.get $6
    local.get $5
    f32x4.sub
    v128.store
    local.get $0
    local.get $3
    i32.const 18
    i32.mul
    i32.add
    local.get $10
    local.get $8
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    local.tee $6
    local.get $9
    local.get $7
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    f32x4.mul
    f32x4.add
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.mul
    local.tee $5
    f32x4.add
    v128.store
    local.get $0
    local.get $3
    i32.const 24
    i32.mul
    i32.add
    local.get $6
    local.get $5
    f32x4.sub
    v128.store
    local.get $0
    local.get $3
    i32.const 30
    i32.mul
    i32.add
    local.get $7
    v128.store
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd-f4/addKernelGradientsF4 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 v128)
  (local $5 f32)
  (local $6 i32)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 i32)
  (local $18 v128)
  loop $for-loop|0
   local.get $3
   i32.const 3
   i32.lt_s
   if
    local.get $0
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $4
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.0 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $0
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $0
     local.get $1
     i32.const 6
     i32.mul
     i32.add
     v128.load
     local.tee $7
     local.get $0
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $8
     f32x4.add
     local.tee $9
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $0
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $10
     local.get $0
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $11
     f32x4.add
     local.tee $12
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.0
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $8
     local.get $7
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $10
     local.get $11
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.0
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $12
     local.get $9
     f32x4.sub
     f32x4.mul
     local.get $4
     f32x4.add
    end
    local.set $7
    local.get $0
    local.get $1
    i32.add
    local.tee $6
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.set $4
    local.get $6
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $8
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.1 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $6
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $4
     local.get $6
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $9
     f32x4.add
     local.tee $10
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $6
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $11
     local.get $6
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $12
     f32x4.add
     local.tee $13
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.1
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $9
     local.get $4
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $11
     local.get $12
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.1
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $13
     local.get $10
     f32x4.sub
     f32x4.mul
     local.get $8
     f32x4.add
    end
    local.set $8
    local.get $0
    local.get $1
    i32.const 1
    i32.shl
    i32.add
    local.tee $6
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.set $4
    local.get $6
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $9
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.2 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $6
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $4
     local.get $6
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $10
     f32x4.add
     local.tee $11
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $6
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $12
     local.get $6
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $13
     f32x4.add
     local.tee $14
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.2
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $10
     local.get $4
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $12
     local.get $13
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.2
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $14
     local.get $11
     f32x4.sub
     f32x4.mul
     local.get $9
     f32x4.add
    end
    local.set $9
    local.get $0
    local.get $1
    i32.const 3
    i32.mul
    i32.add
    local.tee $6
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.set $4
    local.get $6
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $10
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.3 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $6
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $4
     local.get $6
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $11
     f32x4.add
     local.tee $12
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $6
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $13
     local.get $6
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $14
     f32x4.add
     local.tee $15
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.3
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $11
     local.get $4
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $13
     local.get $14
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.3
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $15
     local.get $12
     f32x4.sub
     f32x4.mul
     local.get $10
     f32x4.add
    end
    local.set $10
    local.get $0
    local.get $1
    i32.const 2
    i32.shl
    i32.add
    local.tee $6
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.set $4
    local.get $6
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $11
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.4 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $6
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $4
     local.get $6
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $12
     f32x4.add
     local.tee $13
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $6
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $14
     local.get $6
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $15
     f32x4.add
     local.tee $16
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.4
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $12
     local.get $4
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $14
     local.get $15
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.4
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $16
     local.get $13
     f32x4.sub
     f32x4.mul
     local.get $11
     f32x4.add
    end
    local.set $11
    local.get $2
    local.get $3
    i32.const 12
    i32.mul
    i32.add
    local.tee $17
    f32.load
    local.set $5
    local.get $0
    local.get $1
    i32.const 5
    i32.mul
    i32.add
    local.tee $6
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    v128.load
    local.set $12
    local.get $6
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    v128.load
    local.set $13
    block $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.5 (result v128)
     v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
     local.get $6
     v128.load
     f32x4.mul
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $12
     local.get $6
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     v128.load
     local.tee $14
     f32x4.add
     local.tee $15
     f32x4.mul
     f32x4.sub
     v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
     local.get $6
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     v128.load
     local.tee $16
     local.get $6
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     v128.load
     local.tee $18
     f32x4.add
     local.tee $4
     f32x4.mul
     f32x4.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.5
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $14
     local.get $12
     f32x4.sub
     f32x4.mul
     v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
     local.get $16
     local.get $18
     f32x4.sub
     f32x4.mul
     f32x4.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow4|inlined.5
     drop
     v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
     local.get $4
     local.get $15
     f32x4.sub
     f32x4.mul
     local.get $13
     f32x4.add
    end
    local.set $4
    local.get $17
    local.get $5
    v128.const i32x4 0x3e800000 0x3e800000 0x3e800000 0x3e800000
    local.get $7
    f32x4.mul
    v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
    local.get $8
    local.get $9
    f32x4.add
    local.tee $7
    f32x4.mul
    f32x4.sub
    v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
    local.get $10
    local.get $11
    f32x4.add
    local.tee $12
    f32x4.mul
    f32x4.add
    local.tee $13
    f32x4.extract_lane 0
    f32.add
    f32.store
    local.get $17
    local.get $17
    f32.load offset=36
    local.get $13
    f32x4.extract_lane 1
    f32.add
    f32.store offset=36
    local.get $17
    local.get $17
    f32.load offset=72
    local.get $13
    f32x4.extract_lane 2
    f32.add
    f32.store offset=72
    local.get $17
    local.get $17
    f32.load offset=108
    local.get $13
    f32x4.extract_lane 3
    f32.add
    f32.store offset=108
    local.get $17
    local.get $17
    i32.const 4
    i32.add
    f32.load
    v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
    local.get $9
    local.get $8
    f32x4.sub
    f32x4.mul
    v128.const i32x4 0x3daaaaab 0x3daaaaab 0x3daaaaab 0x3daaaaab
    local.get $10
    local.get $11
    f32x4.sub
    f32x4.mul
    f32x4.add
    local.tee $8
    f32x4.extract_lane 0
    f32.add
    f32.store offset=4
    local.get $17
    local.get $17
    f32.load offset=40
    local.get $8
    f32x4.extract_lane 1
    f32.add
    f32.store offset=40
    local.get $17
    local.get $17
    f32.load offset=76
    local.get $8
    f32x4.extract_lane 2
    f32.add
    f32.store offset=76
    local.get $17
    local.get $17
    f32.load offset=112
    local.get $8
    f32x4.extract_lane 3
    f32.add
    f32.store offset=112
    local.get $17
    i32.const 8
    i32.add
    local.get $17
    f32.load offset=8
    v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
    local.get $12
    local.get $7
    f32x4.sub
    f32x4.mul
    local.get $4
    f32x4.add
    local.tee $4
    f32x4.extract_lane 0
    f32.add
    f32.store
    local.get $17
    local.get $17
    f32.load offset=44
    local.get $4
    f32x4.extract_lane 1
    f32.add
    f32.store offset=44
    local.get $17
    local.get $17
    f32.load offset=80
    local.get $4
    f32x4.extract_lane 2
    f32.add
    f32.store offset=80
    local.get $17
    local.get $17
    f32.load offset=116
    local.get $4
    f32x4.extract_lane 3
    f32.add
    f32.store offset=116
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/winograd-f4/addKernelGradientF4 (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 f32)
  (local $5 i32)
  (local $6 f32)
  (local $7 f32)
  (local $8 f32)
  (local $9 f32)
  (local $10 f32)
  (local $11 f32)
  (local $12 f32)
  (local $13 f32)
  (local $14 f32)
  (local $15 f32)
  (local $16 i32)
  (local $17 f32)
  (local $18 f32)
  loop $for-loop|0
   local.get $3
   i32.const 3
   i32.lt_s
   if
    local.get $0
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $4
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.0 (result f32)
     local.get $0
     f32.load
     f32.const 0.25
     f32.mul
     local.get $0
     local.get $1
     i32.const 6
     i32.mul
     i32.add
     f32.load
     local.tee $6
     local.get $0
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $7
     f32.add
     local.tee $8
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $0
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $9
     local.get $0
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $10
     f32.add
     local.tee $11
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.0
     drop
     local.get $7
     local.get $6
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $9
     local.get $10
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.0
     drop
     local.get $11
     local.get $8
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $4
     f32.add
    end
    local.set $7
    local.get $0
    local.get $1
    i32.add
    local.tee $5
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    f32.load
    local.set $4
    local.get $5
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $6
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.1 (result f32)
     local.get $5
     f32.load
     f32.const 0.25
     f32.mul
     local.get $4
     local.get $5
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $8
     f32.add
     local.tee $9
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $5
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $10
     local.get $5
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $11
     f32.add
     local.tee $12
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.1
     drop
     local.get $8
     local.get $4
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $10
     local.get $11
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.1
     drop
     local.get $12
     local.get $9
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $6
     f32.add
    end
    local.set $8
    local.get $0
    local.get $1
    i32.const 1
    i32.shl
    i32.add
    local.tee $5
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    f32.load
    local.set $4
    local.get $5
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $6
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.2 (result f32)
     local.get $5
     f32.load
     f32.const 0.25
     f32.mul
     local.get $4
     local.get $5
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $9
     f32.add
     local.tee $10
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $5
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $11
     local.get $5
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $12
     f32.add
     local.tee $13
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.2
     drop
     local.get $9
     local.get $4
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $11
     local.get $12
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.2
     drop
     local.get $13
     local.get $10
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $6
     f32.add
    end
    local.set $9
    local.get $0
    local.get $1
    i32.const 3
    i32.mul
    i32.add
    local.tee $5
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    f32.load
    local.set $4
    local.get $5
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $6
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.3 (result f32)
     local.get $5
     f32.load
     f32.const 0.25
     f32.mul
     local.get $4
     local.get $5
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $10
     f32.add
     local.tee $11
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $5
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $12
     local.get $5
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $13
     f32.add
     local.tee $14
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.3
     drop
     local.get $10
     local.get $4
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $12
     local.get $13
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.3
     drop
     local.get $14
     local.get $11
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $6
     f32.add
    end
    local.set $10
    local.get $0
    local.get $1
    i32.const 2
    i32.shl
    i32.add
    local.tee $5
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    f32.load
    local.set $4
    local.get $5
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $6
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.4 (result f32)
     local.get $5
     f32.load
     f32.const 0.25
     f32.mul
     local.get $4
     local.get $5
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $11
     f32.add
     local.tee $12
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $5
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $13
     local.get $5
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $14
     f32.add
     local.tee $15
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.4
     drop
     local.get $11
     local.get $4
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $13
     local.get $14
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.4
     drop
     local.get $15
     local.get $12
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $6
     f32.add
    end
    local.set $11
    local.get $2
    local.get $3
    i32.const 12
    i32.mul
    i32.add
    local.tee $5
    f32.load
    local.set $12
    local.get $0
    local.get $1
    i32.const 5
    i32.mul
    i32.add
    local.tee $16
    local.get $1
    i32.const 6
    i32.mul
    i32.add
    f32.load
    local.set $13
    local.get $16
    local.get $1
    i32.const 30
    i32.mul
    i32.add
    f32.load
    local.set $14
    block $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.5 (result f32)
     local.get $16
     f32.load
     f32.const 0.25
     f32.mul
     local.get $13
     local.get $16
     local.get $1
     i32.const 12
     i32.mul
     i32.add
     f32.load
     local.tee $15
     f32.add
     local.tee $17
     f32.const 0.1666666716337204
     f32.mul
     f32.sub
     local.get $16
     local.get $1
     i32.const 18
     i32.mul
     i32.add
     f32.load
     local.tee $4
     local.get $16
     local.get $1
     i32.const 24
     i32.mul
     i32.add
     f32.load
     local.tee $6
     f32.add
     local.tee $18
     f32.const 0.0416666679084301
     f32.mul
     f32.add
     local.get $3
     i32.eqz
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.5
     drop
     local.get $15
     local.get $13
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $4
     local.get $6
     f32.sub
     f32.const 0.0833333358168602
     f32.mul
     f32.add
     local.get $3
     i32.const 1
     i32.eq
     br_if $src/kernels/wasm/assembly/winograd-f4/gtRow|inlined.5
     drop
     local.get $18
     local.get $17
     f32.sub
     f32.const 0.1666666716337204
     f32.mul
     local.get $14
     f32.add
    end
    local.set $4
    local.get $5
    local.get $12
    local.get $7
    f32.const 0.25
    f32.mul
    local.get $8
    local.get $9
    f32.add
    local.tee $6
    f32.const 0.1666666716337204
    f32.mul
    f32.sub
    local.get $10
    local.get $11
    f32.add
    local.tee $7
    f32.const 0.0416666679084301
    f32.mul
    f32.add
    f32.add
    f32.store
    local.get $5
    local.get $5
    f32.load offset=4
    local.get $9
    local.get $8
    f32.sub
    f32.const 0.1666666716337204
    f32.mul
    local.get $10
    local.get $11
    f32.sub
    f32.const 0.0833333358168602
    f32.mul
    f32.add
    f32.add
    f32.store offset=4
    local.get $5
    local.get $5
    f32.load offset=8
    local.get $7
    local.get $6
    f32.sub
    f32.const 0.1666666716337204
    f32.mul
    local.get $4
    f32.add
    f32.add
    f32.store offset=8
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/upsample/upsampleNearestPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 v128)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  local.get $0
  i32.load
  local.set $10
  local.get $0
  i32.load offset=4
  local.set $11
  local.get $0
  i32.load offset=8
  local.set $7
  local.get $0
  i32.load offset=12
  local.set $8
  local.get $0
  i32.load offset=16
  local.set $3
  local.get $0
  i32.load offset=20
  local.set $12
  local.get $0
  i32.load offset=24
  local.set $13
  local.get $0
  i32.load offset=28
  local.set $9
  local.get $0
  i32.load offset=32
  local.set $14
  local.get $0
  i32.load offset=36
  i32.const 0
  i32.ne
  local.set $15
  loop $for-loop|0
   local.get $5
   local.get $10
   i32.lt_s
   if
    local.get $12
    local.get $5
    local.get $7
    local.get $11
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $16
    local.get $13
    local.get $5
    local.get $3
    local.get $8
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $17
    i32.const 0
    local.set $4
    loop $for-loop|1
     local.get $4
     local.get $8
     i32.lt_s
     if
      local.get $17
      local.get $3
      local.get $4
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $0
      local.get $9
      local.get $4
      i32.const 2
      i32.shl
      i32.add
      i32.load
      local.set $1
      local.get $4
      i32.const 0
      i32.gt_s
      if (result i32)
       local.get $1
       local.get $9
       local.get $4
       i32.const 1
       i32.sub
       i32.const 2
       i32.shl
       i32.add
       i32.load
       i32.eq
      else
       i32.const 0
      end
      if
       block $src/kernels/wasm/assembly/memory/copyFloats|inlined.8
        local.get $0
        local.tee $2
        local.get $3
        i32.const 2
        i32.shl
        i32.sub
        local.set $18
        local.get $3
        i32.const 4
        i32.lt_s
        if
         i32.const 0
         local.set $0
         loop $for-loop|2
          local.get $0
          local.get $3
          i32.lt_s
          if
           local.get $0
           i32.const 2
           i32.shl
           local.tee $1
           local.get $2
           i32.add
           local.get $1
           local.get $18
           i32.add
           f32.load
           f32.store
           local.get $0
           i32.const 1
           i32.add
           local.set $0
           br $for-loop|2
          end
         end
         br $src/kernels/wasm/assembly/memory/copyFloats|inlined.8
        end
        i32.const 0
        local.set $0
        loop $for-loop|3
         local.get $0
         i32.const 4
         i32.add
         local.tee $1
         local.get $3
         i32.le_s
         if
          local.get $0
          i32.const 2
          i32.shl
          local.tee $0
          local.get $2
          i32.add
          local.get $0
          local.get $18
          i32.add
          v128.load
          v128.store
          local.get $1
          local.set $0
          br $for-loop|3
         end
        end
        local.get $0
        local.get $3
        i32.lt_s
        if
         local.get $3
         i32.const 4
         i32.sub
         i32.const 2
         i32.shl
         local.tee $0
         local.get $2
         i32.add
         local.get $0
         local.get $18
         i32.add
         v128.load
         v128.store
        end
       end
      else
       local.get $16
       local.get $1
       local.get $7
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.set $18
       local.get $0
       local.set $2
       i32.const 0
       local.set $0
       local.get $15
       if (result i32)
        loop $for-loop|00
         local.get $0
         i32.const 4
         i32.add
         local.tee $1
         local.get $7
         i32.le_s
         if
          local.get $2
          local.get $0
          i32.const 3
          i32.shl
          i32.add
          local.tee $19
          local.get $18
          local.get $0
          i32.const 2
          i32.shl
          i32.add
          v128.load
          local.tee $6
          local.get $6
          i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7
          v128.store
          local.get $19
          local.get $6
          local.get $6
          i8x16.shuffle 8 9 10 11 8 9 10 11 12 13 14 15 12 13 14 15
          v128.store offset=16
          local.get $1
          local.set $0
          br $for-loop|00
         end
        end
        local.get $0
        i32.const 1
        i32.shl
       else
        i32.const 0
       end
       local.set $0
       loop $for-loop|11
        local.get $0
        local.get $3
        i32.lt_s
        if
         local.get $2
         local.get $0
         i32.const 2
         i32.shl
         local.tee $1
         i32.add
         local.get $18
         local.get $1
         local.get $14
         i32.add
         i32.load
         i32.const 2
         i32.shl
         i32.add
         f32.load
         f32.store
         local.get $0
         i32.const 1
         i32.add
         local.set $0
         br $for-loop|11
        end
       end
      end
      local.get $4
      i32.const 1
      i32.add
      local.set $4
      br $for-loop|1
     end
    end
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/upsample/upsampleNearestBackwardPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 v128)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 v128)
  (local $20 i32)
  local.get $0
  i32.load
  local.set $10
  local.get $0
  i32.load offset=4
  local.set $11
  local.get $0
  i32.load offset=8
  local.set $4
  local.get $0
  i32.load offset=12
  local.set $6
  local.get $0
  i32.load offset=16
  local.set $5
  local.get $0
  i32.load offset=20
  local.set $12
  local.get $0
  i32.load offset=24
  local.set $13
  local.get $0
  i32.load offset=28
  local.set $14
  local.get $0
  i32.load offset=32
  local.set $15
  local.get $0
  i32.load offset=36
  i32.const 0
  i32.ne
  local.set $16
  loop $for-loop|0
   local.get $3
   local.get $10
   i32.lt_s
   if
    local.get $13
    local.get $3
    local.get $4
    local.get $11
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $17
    local.get $12
    local.get $3
    local.get $5
    local.get $6
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $18
    i32.const 0
    local.set $2
    loop $for-loop|1
     local.get $2
     local.get $6
     i32.lt_s
     if
      local.get $18
      local.get $2
      local.get $5
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $7
      local.get $17
      local.get $14
      local.get $2
      i32.const 2
      i32.shl
      i32.add
      i32.load
      local.get $4
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $8
      i32.const 0
      local.set $0
      local.get $16
      if (result i32)
       loop $for-loop|00
        local.get $0
        i32.const 4
        i32.add
        local.tee $1
        local.get $4
        i32.le_s
        if
         local.get $8
         local.get $0
         i32.const 2
         i32.shl
         i32.add
         local.tee $20
         local.get $20
         v128.load
         local.get $7
         local.get $0
         i32.const 3
         i32.shl
         i32.add
         local.tee $0
         v128.load
         local.tee $9
         local.get $0
         v128.load offset=16
         local.tee $19
         i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
         local.get $9
         local.get $19
         i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
         f32x4.add
         f32x4.add
         v128.store
         local.get $1
         local.set $0
         br $for-loop|00
        end
       end
       local.get $0
       i32.const 1
       i32.shl
      else
       i32.const 0
      end
      local.set $0
      loop $for-loop|11
       local.get $0
       local.get $5
       i32.lt_s
       if
        local.get $8
        local.get $15
        local.get $0
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        i32.load
        i32.const 2
        i32.shl
        i32.add
        local.tee $20
        local.get $20
        f32.load
        local.get $1
        local.get $7
        i32.add
        f32.load
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|11
       end
      end
      local.get $2
      i32.const 1
      i32.add
      local.set $2
      br $for-loop|1
     end
    end
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/upsample/upsampleBilinearPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 f32)
  (local $19 v128)
  (local $20 f32)
  (local $21 v128)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  local.get $0
  i32.load
  local.set $14
  local.get $0
  i32.load offset=4
  local.set $15
  local.get $0
  i32.load offset=8
  local.set $2
  local.get $0
  i32.load offset=12
  local.set $7
  local.get $0
  i32.load offset=16
  local.set $8
  local.get $0
  i32.load offset=20
  local.set $16
  local.get $0
  i32.load offset=24
  local.set $17
  local.get $0
  i32.load offset=28
  local.set $9
  local.get $0
  i32.load offset=32
  local.set $10
  local.get $0
  i32.load offset=36
  local.set $11
  local.get $0
  i32.load offset=40
  local.set $12
  local.get $0
  i32.load offset=44
  local.set $3
  loop $for-loop|0
   local.get $4
   local.get $14
   i32.lt_s
   if
    local.get $16
    local.get $4
    local.get $2
    local.get $15
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $13
    local.get $17
    local.get $4
    local.get $7
    local.get $8
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $6
    i32.const 0
    local.set $5
    loop $for-loop|1
     local.get $5
     local.get $7
     i32.lt_s
     if
      local.get $13
      local.get $9
      local.get $5
      i32.const 1
      i32.shl
      local.tee $0
      i32.const 2
      i32.shl
      local.tee $1
      i32.add
      i32.load
      local.get $2
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $22
      local.get $13
      local.get $9
      local.get $0
      i32.const 1
      i32.add
      i32.const 2
      i32.shl
      local.tee $23
      i32.add
      i32.load
      local.get $2
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $24
      i32.const 0
      local.set $0
      local.get $1
      local.get $10
      i32.add
      f32.load
      local.tee $18
      f32x4.splat
      local.set $19
      local.get $10
      local.get $23
      i32.add
      f32.load
      local.tee $20
      f32x4.splat
      local.set $21
      loop $for-loop|00
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $2
       i32.le_s
       if
        local.get $3
        local.get $0
        i32.const 2
        i32.shl
        local.tee $0
        i32.add
        local.get $19
        local.get $0
        local.get $22
        i32.add
        v128.load
        f32x4.mul
        local.get $21
        local.get $0
        local.get $24
        i32.add
        v128.load
        f32x4.mul
        f32x4.add
        v128.store
        local.get $1
        local.set $0
        br $for-loop|00
       end
      end
      loop $for-loop|11
       local.get $0
       local.get $2
       i32.lt_s
       if
        local.get $3
        local.get $0
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        local.get $18
        local.get $1
        local.get $22
        i32.add
        f32.load
        f32.mul
        local.get $20
        local.get $1
        local.get $24
        i32.add
        f32.load
        f32.mul
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|11
       end
      end
      i32.const 0
      local.set $0
      loop $for-loop|2
       local.get $0
       local.get $8
       i32.lt_s
       if
        local.get $6
        local.get $12
        local.get $0
        i32.const 1
        i32.shl
        local.tee $1
        i32.const 2
        i32.shl
        local.tee $22
        i32.add
        f32.load
        local.get $3
        local.get $11
        local.get $22
        i32.add
        i32.load
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f32.mul
        local.get $12
        local.get $1
        i32.const 1
        i32.add
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        f32.load
        local.get $3
        local.get $1
        local.get $11
        i32.add
        i32.load
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f32.mul
        f32.add
        f32.store
        local.get $6
        i32.const 4
        i32.add
        local.set $6
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|2
       end
      end
      local.get $5
      i32.const 1
      i32.add
      local.set $5
      br $for-loop|1
     end
    end
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/upsample/upsampleBilinearBackwardPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 f32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 v128)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  local.get $0
  i32.load
  local.set $15
  local.get $0
  i32.load offset=4
  local.set $16
  local.get $0
  i32.load offset=8
  local.set $2
  local.get $0
  i32.load offset=12
  local.set $8
  local.get $0
  i32.load offset=16
  local.set $9
  local.get $0
  i32.load offset=20
  local.set $17
  local.get $0
  i32.load offset=24
  local.set $18
  local.get $0
  i32.load offset=28
  local.set $10
  local.get $0
  i32.load offset=32
  local.set $11
  local.get $0
  i32.load offset=36
  local.set $12
  local.get $0
  i32.load offset=40
  local.set $13
  local.get $0
  i32.load offset=44
  local.set $19
  loop $for-loop|0
   local.get $4
   local.get $15
   i32.lt_s
   if
    local.get $18
    local.get $4
    local.get $2
    local.get $16
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $14
    local.get $17
    local.get $4
    local.get $8
    local.get $9
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $6
    i32.const 0
    local.set $5
    loop $for-loop|1
     local.get $5
     local.get $8
     i32.lt_s
     if
      i32.const 0
      local.set $0
      loop $for-loop|2
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $2
       i32.le_s
       if
        local.get $19
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        v128.store
        local.get $1
        local.set $0
        br $for-loop|2
       end
      end
      loop $for-loop|3
       local.get $0
       local.get $2
       i32.lt_s
       if
        local.get $19
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        f32.const 0
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|3
       end
      end
      i32.const 0
      local.set $0
      loop $for-loop|4
       local.get $0
       local.get $9
       i32.lt_s
       if
        local.get $6
        f32.load
        local.set $3
        local.get $6
        i32.const 4
        i32.add
        local.set $6
        local.get $19
        local.get $12
        local.get $0
        i32.const 1
        i32.shl
        local.tee $1
        i32.const 1
        i32.add
        i32.const 2
        i32.shl
        local.tee $20
        i32.add
        i32.load
        i32.const 2
        i32.shl
        i32.add
        local.set $21
        local.get $19
        local.get $12
        local.get $1
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        i32.load
        i32.const 2
        i32.shl
        i32.add
        local.tee $22
        local.get $22
        f32.load
        local.get $1
        local.get $13
        i32.add
        f32.load
        local.get $3
        f32.mul
        f32.add
        f32.store
        local.get $21
        local.get $21
        f32.load
        local.get $13
        local.get $20
        i32.add
        f32.load
        local.get $3
        f32.mul
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|4
       end
      end
      local.get $14
      local.get $10
      local.get $5
      i32.const 1
      i32.shl
      local.tee $20
      i32.const 2
      i32.shl
      local.tee $1
      i32.add
      i32.load
      local.get $2
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $21
      i32.const 0
      local.set $0
      local.get $1
      local.get $11
      i32.add
      f32.load
      local.tee $3
      f32x4.splat
      local.set $7
      loop $for-loop|00
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $2
       i32.le_s
       if
        local.get $21
        local.get $0
        i32.const 2
        i32.shl
        local.tee $0
        i32.add
        local.tee $22
        local.get $22
        v128.load
        local.get $7
        local.get $0
        local.get $19
        i32.add
        v128.load
        f32x4.mul
        f32x4.add
        v128.store
        local.get $1
        local.set $0
        br $for-loop|00
       end
      end
      loop $for-loop|11
       local.get $0
       local.get $2
       i32.lt_s
       if
        local.get $21
        local.get $0
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        local.tee $22
        local.get $22
        f32.load
        local.get $3
        local.get $1
        local.get $19
        i32.add
        f32.load
        f32.mul
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|11
       end
      end
      local.get $14
      local.get $10
      local.get $20
      i32.const 1
      i32.add
      i32.const 2
      i32.shl
      local.tee $1
      i32.add
      i32.load
      local.get $2
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $20
      i32.const 0
      local.set $0
      local.get $1
      local.get $11
      i32.add
      f32.load
      local.tee $3
      f32x4.splat
      local.set $7
      loop $for-loop|02
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $2
       i32.le_s
       if
        local.get $20
        local.get $0
        i32.const 2
        i32.shl
        local.tee $0
        i32.add
        local.tee $21
        local.get $21
        v128.load
        local.get $7
        local.get $0
        local.get $19
        i32.add
        v128.load
        f32x4.mul
        f32x4.add
        v128.store
        local.get $1
        local.set $0
        br $for-loop|02
       end
      end
      loop $for-loop|13
       local.get $0
       local.get $2
       i32.lt_s
       if
        local.get $20
        local.get $0
        i32.const 2
        i32.shl
        local.tee $1
        i32.add
        local.tee $21
        local.get $21
        f32.load
        local.get $3
        local.get $1
        local.get $19
        i32.add
        f32.load
        f32.mul
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|13
       end
      end
      local.get $5
      i32.const 1
      i32.add
      local.set $5
      br $for-loop|1
     end
    end
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/transcendental/transcendentalSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 f32) (param $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 v128)
  (local $9 i32)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  loop $for-loop|0
   local.get $6
   i32.const 4
   i32.add
   local.get $3
   i32.le_s
   if
    local.get $6
    i32.const 2
    i32.shl
    local.tee $7
    local.get $2
    i32.add
    local.get $1
    local.get $7
    i32.add
    v128.load
    local.set $8
    block $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.0 (result v128)
     local.get $0
     i32.eqz
     if
      local.get $8
      f32x4.abs
      f32x4.neg
      local.tee $10
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $11
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $12
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $11
      local.get $12
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $12
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $11
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $11
      f32x4.mul
      local.get $11
      f32x4.mul
      local.get $11
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $12
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $10
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      local.tee $10
      f32x4.add
      local.set $11
      local.get $8
      local.get $10
      local.get $11
      f32x4.div
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $11
      f32x4.div
      local.get $8
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.lt
      v128.bitselect
      f32x4.mul
      br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.0
     end
     local.get $0
     i32.const 1
     i32.eq
     if
      local.get $8
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $10
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $11
      local.get $8
      local.get $4
      f32x4.splat
      v128.const i32x4 0x37d00d01 0x37d00d01 0x37d00d01 0x37d00d01
      local.get $8
      f32x4.mul
      v128.const i32x4 0x39500d01 0x39500d01 0x39500d01 0x39500d01
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3ab60b61 0x3ab60b61 0x3ab60b61 0x3ab60b61
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3c088889 0x3c088889 0x3c088889 0x3c088889
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      local.get $8
      f32x4.mul
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $10
      local.get $11
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $11
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $10
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $10
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $10
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $10
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $10
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $10
      f32x4.mul
      local.get $10
      f32x4.mul
      local.get $10
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $11
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $8
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.sub
      local.get $8
      v128.const i32x4 0xbf000000 0xbf000000 0xbf000000 0xbf000000
      f32x4.gt
      v128.bitselect
      f32x4.mul
      local.get $8
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      v128.bitselect
      br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.0
     end
     local.get $0
     i32.const 2
     i32.eq
     if
      local.get $8
      f32x4.abs
      f32x4.neg
      local.tee $10
      v128.const i32x4 0xc1a00000 0xc1a00000 0xc1a00000 0xc1a00000
      f32x4.max
      local.get $10
      local.get $8
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      local.tee $10
      v128.bitselect
      local.tee $11
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $12
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $13
      local.get $8
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $12
      local.get $13
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $13
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $12
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $12
      f32x4.mul
      local.get $12
      f32x4.mul
      local.get $12
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $13
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $11
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      local.tee $11
      f32x4.div
      local.get $11
      local.get $10
      v128.bitselect
      local.tee $10
      local.get $10
      v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
      f32x4.add
      f32x4.mul
      local.tee $10
      local.get $10
      v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
      f32x4.add
      f32x4.div
      local.get $8
      v128.const i32x4 0x41a00000 0x41a00000 0x41a00000 0x41a00000
      f32x4.gt
      v128.bitselect
      f32x4.mul
      br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.0
     end
     v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
     v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
     local.get $8
     v128.const i32x4 0x3d372713 0x3d372713 0x3d372713 0x3d372713
     local.get $8
     local.get $8
     f32x4.mul
     local.get $8
     f32x4.mul
     f32x4.mul
     f32x4.add
     f32x4.mul
     f32x4.mul
     local.tee $10
     f32x4.abs
     f32x4.neg
     local.tee $11
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.min
     v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
     f32x4.max
     local.tee $12
     v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
     f32x4.mul
     f32x4.nearest
     local.set $13
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
     local.get $12
     local.get $13
     v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
     f32x4.mul
     f32x4.sub
     local.get $13
     v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
     f32x4.mul
     f32x4.sub
     local.tee $12
     f32x4.mul
     v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
     f32x4.add
     local.get $12
     f32x4.mul
     v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
     f32x4.add
     local.get $12
     f32x4.mul
     v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
     f32x4.add
     local.get $12
     f32x4.mul
     v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
     f32x4.add
     local.get $12
     f32x4.mul
     v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
     f32x4.add
     local.get $12
     f32x4.mul
     local.get $12
     f32x4.mul
     local.get $12
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     f32x4.add
     f32x4.add
     local.get $13
     i32x4.trunc_sat_f32x4_s
     v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
     i32x4.add
     i32.const 23
     i32x4.shl
     f32x4.mul
     local.get $11
     v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
     f32x4.lt
     v128.andnot
     local.tee $11
     f32x4.add
     local.set $12
     local.get $8
     local.get $11
     local.get $12
     f32x4.div
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     local.get $12
     f32x4.div
     local.get $10
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.lt
     v128.bitselect
     f32x4.mul
    end
    v128.store
    local.get $6
    i32.const 4
    i32.add
    local.set $6
    br $for-loop|0
   end
  end
  local.get $3
  local.get $6
  i32.eq
  if
   return
  end
  local.get $5
  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
  v128.store
  local.get $6
  local.set $7
  loop $for-loop|1
   local.get $3
   local.get $7
   i32.gt_s
   if
    local.get $5
    local.get $7
    local.get $6
    i32.sub
    i32.const 2
    i32.shl
    i32.add
    local.get $1
    local.get $7
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f32.store
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|1
   end
  end
  local.get $5
  v128.load
  local.set $8
  local.get $5
  block $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.1 (result v128)
   local.get $0
   i32.eqz
   if
    local.get $8
    f32x4.abs
    f32x4.neg
    local.tee $10
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $11
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $12
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $11
    local.get $12
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $12
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $11
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $11
    f32x4.mul
    local.get $11
    f32x4.mul
    local.get $11
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $12
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $10
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    local.tee $10
    f32x4.add
    local.set $11
    local.get $8
    local.get $10
    local.get $11
    f32x4.div
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $11
    f32x4.div
    local.get $8
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.lt
    v128.bitselect
    f32x4.mul
    br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.1
   end
   local.get $0
   i32.const 1
   i32.eq
   if
    local.get $8
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $10
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $11
    local.get $8
    local.get $4
    f32x4.splat
    v128.const i32x4 0x37d00d01 0x37d00d01 0x37d00d01 0x37d00d01
    local.get $8
    f32x4.mul
    v128.const i32x4 0x39500d01 0x39500d01 0x39500d01 0x39500d01
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3ab60b61 0x3ab60b61 0x3ab60b61 0x3ab60b61
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3c088889 0x3c088889 0x3c088889 0x3c088889
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab 0x3d2aaaab
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    local.get $8
    f32x4.mul
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $10
    local.get $11
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $11
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $10
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $10
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $10
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $10
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $10
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $10
    f32x4.mul
    local.get $10
    f32x4.mul
    local.get $10
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $11
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $8
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.sub
    local.get $8
    v128.const i32x4 0xbf000000 0xbf000000 0xbf000000 0xbf000000
    f32x4.gt
    v128.bitselect
    f32x4.mul
    local.get $8
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    v128.bitselect
    br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.1
   end
   local.get $0
   i32.const 2
   i32.eq
   if
    local.get $8
    f32x4.abs
    f32x4.neg
    local.tee $10
    v128.const i32x4 0xc1a00000 0xc1a00000 0xc1a00000 0xc1a00000
    f32x4.max
    local.get $10
    local.get $8
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.tee $10
    v128.bitselect
    local.tee $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $12
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $13
    local.get $8
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $12
    local.get $13
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $13
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $12
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $12
    f32x4.mul
    local.get $12
    f32x4.mul
    local.get $12
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $13
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $11
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    local.tee $11
    f32x4.div
    local.get $11
    local.get $10
    v128.bitselect
    local.tee $10
    local.get $10
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.add
    f32x4.mul
    local.tee $10
    local.get $10
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.add
    f32x4.div
    local.get $8
    v128.const i32x4 0x41a00000 0x41a00000 0x41a00000 0x41a00000
    f32x4.gt
    v128.bitselect
    f32x4.mul
    br $src/kernels/wasm/assembly/transcendental/forwardVector|inlined.1
   end
   v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
   v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
   local.get $8
   v128.const i32x4 0x3d372713 0x3d372713 0x3d372713 0x3d372713
   local.get $8
   local.get $8
   f32x4.mul
   local.get $8
   f32x4.mul
   f32x4.mul
   f32x4.add
   f32x4.mul
   f32x4.mul
   local.tee $10
   f32x4.abs
   f32x4.neg
   local.tee $11
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   f32x4.min
   v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
   f32x4.max
   local.tee $12
   v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
   f32x4.mul
   f32x4.nearest
   local.set $13
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
   local.get $12
   local.get $13
   v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
   f32x4.mul
   f32x4.sub
   local.get $13
   v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
   f32x4.mul
   f32x4.sub
   local.tee $12
   f32x4.mul
   v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
   f32x4.add
   local.get $12
   f32x4.mul
   v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
   f32x4.add
   local.get $12
   f32x4.mul
   v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
   f32x4.add
   local.get $12
   f32x4.mul
   v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
   f32x4.add
   local.get $12
   f32x4.mul
   v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
   f32x4.add
   local.get $12
   f32x4.mul
   local.get $12
   f32x4.mul
   local.get $12
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   f32x4.add
   f32x4.add
   local.get $13
   i32x4.trunc_sat_f32x4_s
   v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
   i32x4.add
   i32.const 23
   i32x4.shl
   f32x4.mul
   local.get $11
   v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
   f32x4.lt
   v128.andnot
   local.tee $11
   f32x4.add
   local.set $12
   local.get $8
   local.get $11
   local.get $12
   f32x4.div
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   local.get $12
   f32x4.div
   local.get $10
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   f32x4.lt
   v128.bitselect
   f32x4.mul
  end
  v128.store
  local.get $6
  local.set $0
  loop $for-loop|2
   local.get $0
   local.get $3
   i32.lt_s
   if
    local.get $2
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    local.get $5
    local.get $0
    local.get $6
    i32.sub
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f32.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|2
   end
  end
 )
 (func $src/kernels/wasm/assembly/transcendental/transcendentalBackwardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 f32) (param $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 v128)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  loop $for-loop|0
   local.get $7
   i32.const 4
   i32.add
   local.get $4
   i32.le_s
   if
    local.get $7
    i32.const 2
    i32.shl
    local.tee $8
    local.get $3
    i32.add
    local.get $1
    local.get $8
    i32.add
    v128.load
    local.set $9
    block $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.0 (result v128)
     local.get $0
     i32.eqz
     if
      local.get $9
      f32x4.abs
      f32x4.neg
      local.tee $11
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $12
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $13
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $12
      local.get $13
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $13
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $12
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $12
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $12
      f32x4.mul
      local.get $12
      f32x4.mul
      local.get $12
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $13
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $11
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      local.tee $11
      f32x4.add
      local.set $12
      local.get $11
      local.get $12
      f32x4.div
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $12
      f32x4.div
      local.get $9
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.lt
      v128.bitselect
      local.tee $11
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $9
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $11
      f32x4.sub
      f32x4.mul
      f32x4.add
      f32x4.mul
      br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.0
     end
     local.get $0
     i32.const 1
     i32.eq
     if
      local.get $9
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $11
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $12
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $5
      f32x4.splat
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $11
      local.get $12
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $12
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $11
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $11
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $11
      f32x4.mul
      local.get $11
      f32x4.mul
      local.get $11
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $12
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $9
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      f32x4.mul
      local.get $9
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      v128.bitselect
      br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.0
     end
     local.get $0
     i32.const 2
     i32.eq
     if
      local.get $9
      f32x4.abs
      f32x4.neg
      local.tee $11
      v128.const i32x4 0xc1a00000 0xc1a00000 0xc1a00000 0xc1a00000
      f32x4.max
      local.get $11
      local.get $9
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      local.tee $12
      v128.bitselect
      local.tee $13
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $14
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $15
      local.get $11
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.min
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.max
      local.tee $16
      v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
      f32x4.mul
      f32x4.nearest
      local.set $17
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $16
      local.get $17
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $17
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $16
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $16
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $16
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $16
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $16
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $16
      f32x4.mul
      local.get $16
      f32x4.mul
      local.get $16
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $17
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $11
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      local.tee $11
      f32x4.add
      local.set $16
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
      local.get $14
      local.get $15
      v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
      f32x4.mul
      f32x4.sub
      local.get $15
      v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
      f32x4.mul
      f32x4.sub
      local.tee $14
      f32x4.mul
      v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
      f32x4.add
      local.get $14
      f32x4.mul
      v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
      f32x4.add
      local.get $14
      f32x4.mul
      v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
      f32x4.add
      local.get $14
      f32x4.mul
      v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
      f32x4.add
      local.get $14
      f32x4.mul
      v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
      f32x4.add
      local.get $14
      f32x4.mul
      local.get $14
      f32x4.mul
      local.get $14
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.add
      local.get $15
      i32x4.trunc_sat_f32x4_s
      v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
      i32x4.add
      i32.const 23
      i32x4.shl
      f32x4.mul
      local.get $13
      v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
      f32x4.lt
      v128.andnot
      local.tee $13
      f32x4.div
      local.get $13
      local.get $12
      v128.bitselect
      local.tee $12
      local.get $12
      v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
      f32x4.add
      f32x4.mul
      local.tee $12
      local.get $12
      v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
      f32x4.add
      local.tee $13
      f32x4.div
      local.get $9
      v128.const i32x4 0x41a00000 0x41a00000 0x41a00000 0x41a00000
      f32x4.gt
      local.tee $14
      v128.bitselect
      local.get $9
      local.get $11
      local.get $16
      f32x4.div
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $16
      f32x4.div
      local.get $9
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.lt
      v128.bitselect
      f32x4.mul
      v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
      local.get $12
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      f32x4.add
      f32x4.mul
      local.get $13
      local.get $13
      f32x4.mul
      f32x4.div
      local.get $14
      v128.andnot
      f32x4.mul
      f32x4.add
      br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.0
     end
     v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
     v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
     local.get $9
     v128.const i32x4 0x3d372713 0x3d372713 0x3d372713 0x3d372713
     local.get $9
     local.get $9
     f32x4.mul
     local.tee $11
     local.get $9
     f32x4.mul
     f32x4.mul
     f32x4.add
     f32x4.mul
     f32x4.mul
     local.tee $12
     f32x4.abs
     f32x4.neg
     local.tee $13
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.min
     v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
     f32x4.max
     local.tee $14
     v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
     f32x4.mul
     f32x4.nearest
     local.set $15
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
     local.get $14
     local.get $15
     v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
     f32x4.mul
     f32x4.sub
     local.get $15
     v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
     f32x4.mul
     f32x4.sub
     local.tee $14
     f32x4.mul
     v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
     f32x4.add
     local.get $14
     f32x4.mul
     v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
     f32x4.add
     local.get $14
     f32x4.mul
     v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
     f32x4.add
     local.get $14
     f32x4.mul
     v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
     f32x4.add
     local.get $14
     f32x4.mul
     v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
     f32x4.add
     local.get $14
     f32x4.mul
     local.get $14
     f32x4.mul
     local.get $14
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     f32x4.add
     f32x4.add
     local.get $15
     i32x4.trunc_sat_f32x4_s
     v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
     i32x4.add
     i32.const 23
     i32x4.shl
     f32x4.mul
     local.get $13
     v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
     f32x4.lt
     v128.andnot
     local.tee $13
     f32x4.add
     local.set $14
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     local.get $9
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.gt
     v128.and
     local.get $13
     local.get $14
     f32x4.div
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     local.get $14
     f32x4.div
     local.get $12
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     f32x4.lt
     v128.bitselect
     local.tee $12
     v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
     local.get $9
     f32x4.mul
     local.get $12
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     local.get $12
     f32x4.sub
     f32x4.mul
     f32x4.mul
     v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
     v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
     v128.const i32x4 0x3e095d4e 0x3e095d4e 0x3e095d4e 0x3e095d4e
     local.get $11
     f32x4.mul
     f32x4.add
     f32x4.mul
     f32x4.mul
     f32x4.add
     local.get $9
     f32x4.abs
     v128.const i32x4 0x41200000 0x41200000 0x41200000 0x41200000
     f32x4.gt
     v128.bitselect
    end
    local.get $2
    local.get $8
    i32.add
    v128.load
    f32x4.mul
    v128.store
    local.get $7
    i32.const 4
    i32.add
    local.set $7
    br $for-loop|0
   end
  end
  local.get $4
  local.get $7
  i32.eq
  if
   return
  end
  local.get $6
  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
  v128.store
  local.get $7
  local.set $8
  loop $for-loop|1
   local.get $4
   local.get $8
   i32.gt_s
   if
    local.get $6
    local.get $8
    local.get $7
    i32.sub
    i32.const 2
    i32.shl
    i32.add
    local.get $1
    local.get $8
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f32.store
    local.get $8
    i32.const 1
    i32.add
    local.set $8
    br $for-loop|1
   end
  end
  local.get $6
  v128.load
  local.set $9
  local.get $6
  block $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.1 (result v128)
   local.get $0
   i32.eqz
   if
    local.get $9
    f32x4.abs
    f32x4.neg
    local.tee $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $12
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $13
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $12
    local.get $13
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $13
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $12
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $12
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $12
    f32x4.mul
    local.get $12
    f32x4.mul
    local.get $12
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $13
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $11
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    local.tee $11
    f32x4.add
    local.set $12
    local.get $11
    local.get $12
    f32x4.div
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $12
    f32x4.div
    local.get $9
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.lt
    v128.bitselect
    local.tee $11
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $9
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $11
    f32x4.sub
    f32x4.mul
    f32x4.add
    f32x4.mul
    br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.1
   end
   local.get $0
   i32.const 1
   i32.eq
   if
    local.get $9
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $11
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $12
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $5
    f32x4.splat
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $11
    local.get $12
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $12
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $11
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $11
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $11
    f32x4.mul
    local.get $11
    f32x4.mul
    local.get $11
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $12
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $9
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    f32x4.mul
    local.get $9
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    v128.bitselect
    br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.1
   end
   local.get $0
   i32.const 2
   i32.eq
   if
    local.get $9
    f32x4.abs
    f32x4.neg
    local.tee $11
    v128.const i32x4 0xc1a00000 0xc1a00000 0xc1a00000 0xc1a00000
    f32x4.max
    local.get $11
    local.get $9
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.tee $12
    v128.bitselect
    local.tee $13
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $14
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $15
    local.get $11
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.min
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.max
    local.tee $16
    v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
    f32x4.mul
    f32x4.nearest
    local.set $17
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $16
    local.get $17
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $17
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $16
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $16
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $16
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $16
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $16
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $16
    f32x4.mul
    local.get $16
    f32x4.mul
    local.get $16
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $17
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $11
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    local.tee $11
    f32x4.add
    local.set $16
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
    local.get $14
    local.get $15
    v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
    f32x4.mul
    f32x4.sub
    local.get $15
    v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
    f32x4.mul
    f32x4.sub
    local.tee $14
    f32x4.mul
    v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
    f32x4.add
    local.get $14
    f32x4.mul
    v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
    f32x4.add
    local.get $14
    f32x4.mul
    v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
    f32x4.add
    local.get $14
    f32x4.mul
    v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
    f32x4.add
    local.get $14
    f32x4.mul
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    local.get $14
    f32x4.mul
    local.get $14
    f32x4.mul
    local.get $14
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.add
    local.get $15
    i32x4.trunc_sat_f32x4_s
    v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
    i32x4.add
    i32.const 23
    i32x4.shl
    f32x4.mul
    local.get $13
    v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
    f32x4.lt
    v128.andnot
    local.tee $13
    f32x4.div
    local.get $13
    local.get $12
    v128.bitselect
    local.tee $12
    local.get $12
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.add
    f32x4.mul
    local.tee $12
    local.get $12
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    f32x4.add
    local.tee $13
    f32x4.div
    local.get $9
    v128.const i32x4 0x41a00000 0x41a00000 0x41a00000 0x41a00000
    f32x4.gt
    local.tee $14
    v128.bitselect
    local.get $9
    local.get $11
    local.get $16
    f32x4.div
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $16
    f32x4.div
    local.get $9
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.lt
    v128.bitselect
    f32x4.mul
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    local.get $12
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    f32x4.add
    f32x4.mul
    local.get $13
    local.get $13
    f32x4.mul
    f32x4.div
    local.get $14
    v128.andnot
    f32x4.mul
    f32x4.add
    br $src/kernels/wasm/assembly/transcendental/derivativeVector|inlined.1
   end
   v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
   v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
   local.get $9
   v128.const i32x4 0x3d372713 0x3d372713 0x3d372713 0x3d372713
   local.get $9
   local.get $9
   f32x4.mul
   local.tee $11
   local.get $9
   f32x4.mul
   f32x4.mul
   f32x4.add
   f32x4.mul
   f32x4.mul
   local.tee $12
   f32x4.abs
   f32x4.neg
   local.tee $13
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   f32x4.min
   v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
   f32x4.max
   local.tee $14
   v128.const i32x4 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b 0x3fb8aa3b
   f32x4.mul
   f32x4.nearest
   local.set $15
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   v128.const i32x4 0x39506967 0x39506967 0x39506967 0x39506967
   local.get $14
   local.get $15
   v128.const i32x4 0x3f318000 0x3f318000 0x3f318000 0x3f318000
   f32x4.mul
   f32x4.sub
   local.get $15
   v128.const i32x4 0xb95e8083 0xb95e8083 0xb95e8083 0xb95e8083
   f32x4.mul
   f32x4.sub
   local.tee $14
   f32x4.mul
   v128.const i32x4 0x3ab743ce 0x3ab743ce 0x3ab743ce 0x3ab743ce
   f32x4.add
   local.get $14
   f32x4.mul
   v128.const i32x4 0x3c088908 0x3c088908 0x3c088908 0x3c088908
   f32x4.add
   local.get $14
   f32x4.mul
   v128.const i32x4 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1 0x3d2aa9c1
   f32x4.add
   local.get $14
   f32x4.mul
   v128.const i32x4 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa 0x3e2aaaaa
   f32x4.add
   local.get $14
   f32x4.mul
   v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
   f32x4.add
   local.get $14
   f32x4.mul
   local.get $14
   f32x4.mul
   local.get $14
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   f32x4.add
   f32x4.add
   local.get $15
   i32x4.trunc_sat_f32x4_s
   v128.const i32x4 0x0000007f 0x0000007f 0x0000007f 0x0000007f
   i32x4.add
   i32.const 23
   i32x4.shl
   f32x4.mul
   local.get $13
   v128.const i32x4 0xc2ae999a 0xc2ae999a 0xc2ae999a 0xc2ae999a
   f32x4.lt
   v128.andnot
   local.tee $13
   f32x4.add
   local.set $14
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   local.get $9
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   f32x4.gt
   v128.and
   local.get $13
   local.get $14
   f32x4.div
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   local.get $14
   f32x4.div
   local.get $12
   v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
   f32x4.lt
   v128.bitselect
   local.tee $12
   v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
   local.get $9
   f32x4.mul
   local.get $12
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   local.get $12
   f32x4.sub
   f32x4.mul
   f32x4.mul
   v128.const i32x4 0x3f4c422a 0x3f4c422a 0x3f4c422a 0x3f4c422a
   v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
   v128.const i32x4 0x3e095d4e 0x3e095d4e 0x3e095d4e 0x3e095d4e
   local.get $11
   f32x4.mul
   f32x4.add
   f32x4.mul
   f32x4.mul
   f32x4.add
   local.get $9
   f32x4.abs
   v128.const i32x4 0x41200000 0x41200000 0x41200000 0x41200000
   f32x4.gt
   v128.bitselect
  end
  v128.store
  local.get $7
  local.set $0
  loop $for-loop|2
   local.get $0
   local.get $4
   i32.lt_s
   if
    local.get $0
    i32.const 2
    i32.shl
    local.tee $1
    local.get $3
    i32.add
    local.get $6
    local.get $0
    local.get $7
    i32.sub
    i32.const 2
    i32.shl
    i32.add
    f32.load
    local.get $1
    local.get $2
    i32.add
    f32.load
    f32.mul
    f32.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|2
   end
  end
 )
 (func $src/kernels/wasm/assembly/pool/plane2x2Backward (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32)
  (local $10 i32)
  (local $11 v128)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 v128)
  (local $18 i32)
  (local $19 v128)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 v128)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 i32)
  local.get $7
  i32.const 2
  i32.shl
  local.set $16
  i32.const 1
  i32.const 2
  i32.const 0
  local.get $3
  select
  local.get $4
  select
  local.set $15
  loop $for-loop|0
   local.get $8
   local.get $14
   i32.gt_s
   if
    local.get $2
    local.get $14
    i32.const 1
    i32.shl
    local.get $7
    i32.mul
    local.tee $20
    i32.const 2
    i32.shl
    i32.add
    local.set $13
    i32.const 0
    local.set $18
    loop $for-loop|1
     local.get $18
     i32.const 4
     i32.add
     local.get $9
     i32.le_s
     if
      local.get $3
      local.get $18
      i32.const 1
      i32.shl
      local.tee $12
      local.get $20
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.set $21
      local.get $15
      i32.const 2
      i32.eq
      local.set $22
      local.get $9
      local.get $14
      i32.mul
      local.get $18
      i32.add
      i32.const 2
      i32.shl
      local.tee $23
      local.get $0
      i32.add
      v128.load
      local.set $11
      local.get $1
      local.get $23
      i32.add
      v128.load
      local.set $24
      local.get $5
      local.get $20
      i32.add
      local.get $12
      i32.add
      local.set $12
      local.get $15
      i32.const 1
      i32.eq
      if (result v128)
       local.get $4
       local.get $23
       i32.add
       v128.load
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $25
      local.get $22
      if (result v128)
       local.get $21
       v128.load
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $26
      local.get $22
      if (result v128)
       local.get $21
       v128.load offset=16
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $27
      local.get $22
      if (result v128)
       local.get $16
       local.get $21
       i32.add
       v128.load
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $28
      local.get $22
      if (result v128)
       local.get $16
       local.get $21
       i32.add
       v128.load offset=16
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $29
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.get $11
      local.get $24
      local.get $12
      i32x4.splat
      v128.const i32x4 0x00000000 0x00000002 0x00000004 0x00000006
      i32x4.add
      local.tee $30
      i32x4.eq
      v128.and
      f32x4.add
      local.tee $17
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.get $11
      local.get $24
      local.get $30
      v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001
      i32x4.add
      i32x4.eq
      v128.and
      f32x4.add
      local.tee $31
      i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
      local.set $19
      local.get $17
      local.get $31
      i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
      local.set $17
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.get $11
      local.get $24
      local.get $30
      local.get $7
      i32x4.splat
      i32x4.add
      i32x4.eq
      v128.and
      f32x4.add
      local.tee $31
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      local.get $11
      local.get $24
      local.get $30
      local.get $7
      i32.const 1
      i32.add
      i32x4.splat
      i32x4.add
      i32x4.eq
      v128.and
      f32x4.add
      local.tee $11
      i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
      local.set $24
      local.get $31
      local.get $11
      i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
      local.set $11
      local.get $15
      i32.const 1
      i32.eq
      if (result v128)
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $25
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.tee $25
       local.get $25
       i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7
       local.tee $26
       local.get $19
       f32x4.mul
       local.set $19
       local.get $25
       local.get $25
       i8x16.shuffle 8 9 10 11 8 9 10 11 12 13 14 15 12 13 14 15
       local.tee $25
       local.get $17
       f32x4.mul
       local.set $17
       local.get $25
       local.get $11
       f32x4.mul
       local.set $11
       local.get $26
       local.get $24
       f32x4.mul
      else
       local.get $15
       i32.const 2
       i32.eq
       if (result v128)
        v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
        local.get $27
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        f32x4.gt
        v128.and
        local.get $17
        f32x4.mul
        local.set $17
        v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
        local.get $29
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        f32x4.gt
        v128.and
        local.get $11
        f32x4.mul
        local.set $11
        v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
        local.get $26
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        f32x4.gt
        v128.and
        local.get $19
        f32x4.mul
        local.set $19
        v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
        local.get $28
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        f32x4.gt
        v128.and
        local.get $24
        f32x4.mul
       else
        local.get $24
       end
      end
      local.set $24
      local.get $13
      local.get $18
      i32.const 3
      i32.shl
      i32.add
      local.tee $12
      local.get $19
      v128.store
      local.get $12
      local.get $17
      v128.store offset=16
      local.get $12
      local.get $16
      i32.add
      local.tee $12
      local.get $24
      v128.store
      local.get $12
      local.get $11
      v128.store offset=16
      local.get $18
      i32.const 4
      i32.add
      local.set $18
      br $for-loop|1
     end
    end
    local.get $9
    local.get $18
    i32.gt_s
    if
     local.get $3
     local.get $20
     local.get $18
     i32.const 1
     i32.shl
     i32.add
     i32.const 2
     i32.shl
     i32.add
     local.set $21
     local.get $15
     i32.const 2
     i32.eq
     local.set $12
     local.get $9
     local.get $14
     i32.mul
     local.get $18
     i32.add
     i32.const 2
     i32.shl
     local.tee $22
     local.get $0
     i32.add
     local.set $23
     block $src/kernels/wasm/assembly/memory/loadLanes|inlined.0 (result v128)
      local.get $9
      local.get $18
      i32.sub
      local.tee $32
      i32.const 4
      i32.ge_s
      if
       local.get $23
       v128.load
       br $src/kernels/wasm/assembly/memory/loadLanes|inlined.0
      end
      local.get $32
      i32.const 0
      i32.gt_s
      if (result v128)
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.get $23
       i32.load
       i32x4.replace_lane 0
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $11
      local.get $32
      i32.const 1
      i32.gt_s
      if
       local.get $11
       local.get $23
       i32.load offset=4
       i32x4.replace_lane 1
       local.set $11
      end
      local.get $32
      i32.const 2
      i32.gt_s
      if (result v128)
       local.get $11
       local.get $23
       i32.load offset=8
       i32x4.replace_lane 2
      else
       local.get $11
      end
     end
     local.set $24
     local.get $1
     local.get $22
     i32.add
     local.set $23
     block $src/kernels/wasm/assembly/memory/loadLanes|inlined.1 (result v128)
      local.get $32
      i32.const 4
      i32.ge_s
      if
       local.get $23
       v128.load
       br $src/kernels/wasm/assembly/memory/loadLanes|inlined.1
      end
      local.get $32
      i32.const 0
      i32.gt_s
      if (result v128)
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.get $23
       i32.load
       i32x4.replace_lane 0
      else
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      end
      local.set $11
      local.get $32
      i32.const 1
      i32.gt_s
      if
       local.get $11
       local.get $23
       i32.load offset=4
       i32x4.replace_lane 1
       local.set $11
      end
      local.get $32
      i32.const 2
      i32.gt_s
      if (result v128)
       local.get $11
       local.get $23
       i32.load offset=8
       i32x4.replace_lane 2
      else
       local.get $11
      end
     end
     local.set $25
     local.get $5
     local.get $20
     i32.add
     local.get $18
     i32.const 1
     i32.shl
     i32.add
     local.set $20
     local.get $15
     i32.const 1
     i32.eq
     if (result v128)
      local.get $4
      local.get $22
      i32.add
      local.set $22
      block $src/kernels/wasm/assembly/memory/loadLanes|inlined.2 (result v128)
       local.get $32
       i32.const 4
       i32.ge_s
       if
        local.get $22
        v128.load
        br $src/kernels/wasm/assembly/memory/loadLanes|inlined.2
       end
       local.get $32
       i32.const 0
       i32.gt_s
       if (result v128)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get $22
        i32.load
        i32x4.replace_lane 0
       else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.set $11
       local.get $32
       i32.const 1
       i32.gt_s
       if
        local.get $11
        local.get $22
        i32.load offset=4
        i32x4.replace_lane 1
        local.set $11
       end
       local.get $32
       i32.const 2
       i32.gt_s
       if (result v128)
        local.get $11
        local.get $22
        i32.load offset=8
        i32x4.replace_lane 2
       else
        local.get $11
       end
      end
     else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     end
     local.set $26
     local.get $12
     if (result v128)
      block $src/kernels/wasm/assembly/memory/loadLanes|inlined.3 (result v128)
       local.get $32
       i32.const 1
       i32.shl
       local.tee $22
       i32.const 4
       i32.ge_s
       if
        local.get $21
        v128.load
        br $src/kernels/wasm/assembly/memory/loadLanes|inlined.3
       end
       local.get $22
       i32.const 0
       i32.gt_s
       if (result v128)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get $21
        i32.load
        i32x4.replace_lane 0
       else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.set $11
       local.get $22
       i32.const 1
       i32.gt_s
       if
        local.get $11
        local.get $21
        i32.load offset=4
        i32x4.replace_lane 1
        local.set $11
       end
       local.get $22
       i32.const 2
       i32.gt_s
       if (result v128)
        local.get $11
        local.get $21
        i32.load offset=8
        i32x4.replace_lane 2
       else
        local.get $11
       end
      end
     else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     end
     local.set $27
     local.get $12
     if (result v128)
      block $src/kernels/wasm/assembly/memory/loadLanes|inlined.4 (result v128)
       local.get $32
       i32.const 1
       i32.shl
       i32.const 4
       i32.sub
       local.tee $22
       i32.const 4
       i32.ge_s
       if
        local.get $21
        v128.load offset=16
        br $src/kernels/wasm/assembly/memory/loadLanes|inlined.4
       end
       local.get $22
       i32.const 0
       i32.gt_s
       if (result v128)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get $21
        i32.load offset=16
        i32x4.replace_lane 0
       else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.set $11
       local.get $22
       i32.const 1
       i32.gt_s
       if
        local.get $11
        local.get $21
        i32.load offset=20
        i32x4.replace_lane 1
        local.set $11
       end
       local.get $22
       i32.const 2
       i32.gt_s
       if (result v128)
        local.get $11
        local.get $21
        i32.load offset=24
        i32x4.replace_lane 2
       else
        local.get $11
       end
      end
     else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     end
     local.set $28
     local.get $12
     if (result v128)
      local.get $16
      local.get $21
      i32.add
      local.set $22
      block $src/kernels/wasm/assembly/memory/loadLanes|inlined.5 (result v128)
       local.get $32
       i32.const 1
       i32.shl
       local.tee $23
       i32.const 4
       i32.ge_s
       if
        local.get $22
        v128.load
        br $src/kernels/wasm/assembly/memory/loadLanes|inlined.5
       end
       local.get $23
       i32.const 0
       i32.gt_s
       if (result v128)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get $22
        i32.load
        i32x4.replace_lane 0
       else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.set $11
       local.get $23
       i32.const 1
       i32.gt_s
       if
        local.get $11
        local.get $22
        i32.load offset=4
        i32x4.replace_lane 1
        local.set $11
       end
       local.get $23
       i32.const 2
       i32.gt_s
       if (result v128)
        local.get $11
        local.get $22
        i32.load offset=8
        i32x4.replace_lane 2
       else
        local.get $11
       end
      end
     else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     end
     local.set $29
     local.get $12
     if (result v128)
      local.get $16
      local.get $21
      i32.add
      local.set $12
      block $src/kernels/wasm/assembly/memory/loadLanes|inlined.6 (result v128)
       local.get $32
       i32.const 1
       i32.shl
       i32.const 4
       i32.sub
       local.tee $21
       i32.const 4
       i32.ge_s
       if
        local.get $12
        v128.load offset=16
        br $src/kernels/wasm/assembly/memory/loadLanes|inlined.6
       end
       local.get $21
       i32.const 0
       i32.gt_s
       if (result v128)
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get $12
        i32.load offset=16
        i32x4.replace_lane 0
       else
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       end
       local.set $11
       local.get $21
       i32.const 1
       i32.gt_s
       if
        local.get $11
        local.get $12
        i32.load offset=20
        i32x4.replace_lane 1
        local.set $11
       end
       local.get $21
       i32.const 2
       i32.gt_s
       if (result v128)
        local.get $11
        local.get $12
        i32.load offset=24
        i32x4.replace_lane 2
       else
        local.get $11
       end
      end
     else
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     end
     local.set $30
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.get $24
     local.get $25
     local.get $20
     i32x4.splat
     v128.const i32x4 0x00000000 0x00000002 0x00000004 0x00000006
     i32x4.add
     local.tee $11
     i32x4.eq
     v128.and
     f32x4.add
     local.tee $17
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.get $24
     local.get $25
     local.get $11
     v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001
     i32x4.add
     i32x4.eq
     v128.and
     f32x4.add
     local.tee $31
     i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
     local.set $19
     local.get $17
     local.get $31
     i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
     local.set $17
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.get $24
     local.get $25
     local.get $11
     local.get $7
     i32x4.splat
     i32x4.add
     i32x4.eq
     v128.and
     f32x4.add
     local.tee $31
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.get $24
     local.get $25
     local.get $11
     local.get $7
     i32.const 1
     i32.add
     i32x4.splat
     i32x4.add
     i32x4.eq
     v128.and
     f32x4.add
     local.tee $11
     i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
     local.set $24
     local.get $31
     local.get $11
     i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
     local.set $11
     local.get $15
     i32.const 1
     i32.eq
     if (result v128)
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $26
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      v128.and
      local.tee $25
      local.get $25
      i8x16.shuffle 0 1 2 3 0 1 2 3 4 5 6 7 4 5 6 7
      local.tee $26
      local.get $19
      f32x4.mul
      local.set $19
      local.get $25
      local.get $25
      i8x16.shuffle 8 9 10 11 8 9 10 11 12 13 14 15 12 13 14 15
      local.tee $25
      local.get $17
      f32x4.mul
      local.set $17
      local.get $25
      local.get $11
      f32x4.mul
      local.set $11
      local.get $26
      local.get $24
      f32x4.mul
     else
      local.get $15
      i32.const 2
      i32.eq
      if (result v128)
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $28
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.get $17
       f32x4.mul
       local.set $17
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $30
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.get $11
       f32x4.mul
       local.set $11
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $27
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.get $19
       f32x4.mul
       local.set $19
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $29
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.get $24
       f32x4.mul
      else
       local.get $24
      end
     end
     local.set $24
     local.get $13
     local.get $18
     i32.const 3
     i32.shl
     i32.add
     local.set $12
     block $src/kernels/wasm/assembly/pool/windows2x2Backward|inlined.1
      local.get $32
      i32.const 4
      i32.eq
      if
       local.get $12
       local.get $19
       v128.store
       local.get $12
       local.get $17
       v128.store offset=16
       local.get $12
       local.get $16
       i32.add
       local.tee $12
       local.get $24
       v128.store
       local.get $12
       local.get $11
       v128.store offset=16
       br $src/kernels/wasm/assembly/pool/windows2x2Backward|inlined.1
      end
      block $src/kernels/wasm/assembly/memory/storeLanes|inlined.20
       local.get $32
       i32.const 1
       i32.shl
       local.tee $18
       i32.const 4
       i32.ge_s
       if
        local.get $12
        local.get $19
        v128.store
        br $src/kernels/wasm/assembly/memory/storeLanes|inlined.20
       end
       local.get $18
       i32.const 0
       i32.gt_s
       if
        local.get $12
        local.get $19
        i32x4.extract_lane 0
        i32.store
       end
       local.get $18
       i32.const 1
       i32.gt_s
       if
        local.get $12
        local.get $19
        i32x4.extract_lane 1
        i32.store offset=4
       end
       local.get $18
       i32.const 2
       i32.gt_s
       if
        local.get $12
        local.get $19
        i32x4.extract_lane 2
        i32.store offset=8
       end
      end
      local.get $12
      local.get $16
      i32.add
      local.set $18
      block $src/kernels/wasm/assembly/memory/storeLanes|inlined.21
       local.get $32
       i32.const 1
       i32.shl
       local.tee $20
       i32.const 4
       i32.ge_s
       if
        local.get $18
        local.get $24
        v128.store
        br $src/kernels/wasm/assembly/memory/storeLanes|inlined.21
       end
       local.get $20
       i32.const 0
       i32.gt_s
       if
        local.get $18
        local.get $24
        i32x4.extract_lane 0
        i32.store
       end
       local.get $20
       i32.const 1
       i32.gt_s
       if
        local.get $18
        local.get $24
        i32x4.extract_lane 1
        i32.store offset=4
       end
       local.get $20
       i32.const 2
       i32.gt_s
       if
        local.get $18
        local.get $24
        i32x4.extract_lane 2
        i32.store offset=8
       end
      end
      local.get $32
      i32.const 2
      i32.gt_s
      if
       block $src/kernels/wasm/assembly/memory/storeLanes|inlined.22
        local.get $32
        i32.const 1
        i32.shl
        i32.const 4
        i32.sub
        local.tee $18
        i32.const 4
        i32.ge_s
        if
         local.get $12
         local.get $17
         v128.store offset=16
         br $src/kernels/wasm/assembly/memory/storeLanes|inlined.22
        end
        local.get $18
        i32.const 0
        i32.gt_s
        if
         local.get $12
         local.get $17
         i32x4.extract_lane 0
         i32.store offset=16
        end
        local.get $18
        i32.const 1
        i32.gt_s
        if
         local.get $12
         local.get $17
         i32x4.extract_lane 1
         i32.store offset=20
        end
        local.get $18
        i32.const 2
        i32.gt_s
        if
         local.get $12
         local.get $17
         i32x4.extract_lane 2
         i32.store offset=24
        end
       end
       local.get $12
       local.get $16
       i32.add
       local.set $12
       block $src/kernels/wasm/assembly/memory/storeLanes|inlined.23
        local.get $32
        i32.const 1
        i32.shl
        i32.const 4
        i32.sub
        local.tee $18
        i32.const 4
        i32.ge_s
        if
         local.get $12
         local.get $11
         v128.store offset=16
         br $src/kernels/wasm/assembly/memory/storeLanes|inlined.23
        end
        local.get $18
        i32.const 0
        i32.gt_s
        if
         local.get $12
         local.get $11
         i32x4.extract_lane 0
         i32.store offset=16
        end
        local.get $18
        i32.const 1
        i32.gt_s
        if
         local.get $12
         local.get $11
         i32x4.extract_lane 1
         i32.store offset=20
        end
        local.get $18
        i32.const 2
        i32.gt_s
        if
         local.get $12
         local.get $11
         i32x4.extract_lane 2
         i32.store offset=24
        end
       end
      end
     end
    end
    local.get $9
    i32.const 1
    i32.shl
    local.set $12
    loop $for-loop|2
     local.get $7
     local.get $12
     i32.gt_s
     if
      local.get $12
      i32.const 2
      i32.shl
      local.tee $18
      local.get $13
      i32.add
      f32.const 0
      f32.store
      local.get $13
      local.get $16
      i32.add
      local.get $18
      i32.add
      f32.const 0
      f32.store
      local.get $12
      i32.const 1
      i32.add
      local.set $12
      br $for-loop|2
     end
    end
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|0
   end
  end
  local.get $2
  local.get $8
  i32.const 1
  i32.shl
  local.get $7
  i32.mul
  local.tee $0
  i32.const 2
  i32.shl
  i32.add
  local.set $1
  local.get $6
  local.get $7
  i32.mul
  local.get $0
  i32.sub
  local.set $2
  loop $for-loop|3
   local.get $10
   i32.const 4
   i32.add
   local.tee $0
   local.get $2
   i32.le_s
   if
    local.get $1
    local.get $10
    i32.const 2
    i32.shl
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    v128.store
    local.get $0
    local.set $10
    br $for-loop|3
   end
  end
  loop $for-loop|4
   local.get $2
   local.get $10
   i32.gt_s
   if
    local.get $1
    local.get $10
    i32.const 2
    i32.shl
    i32.add
    f32.const 0
    f32.store
    local.get $10
    i32.const 1
    i32.add
    local.set $10
    br $for-loop|4
   end
  end
 )
 (func $src/kernels/wasm/assembly/pool/maxPool2x2Plane (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32)
  (local $7 i32)
  (local $8 f32)
  (local $9 f32)
  (local $10 i32)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 i32)
  (local $17 v128)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  loop $for-loop|0
   local.get $5
   local.get $20
   i32.gt_s
   if
    local.get $3
    local.get $20
    i32.const 1
    i32.shl
    local.get $4
    i32.mul
    i32.add
    local.set $19
    local.get $6
    local.get $20
    i32.mul
    i32.const 2
    i32.shl
    local.set $18
    block $for-continue|0
     local.get $6
     i32.const 4
     i32.ge_s
     if
      i32.const 0
      local.set $21
      loop $for-loop|1
       local.get $6
       local.get $21
       i32.gt_s
       if
        local.get $18
        local.get $21
        local.get $6
        i32.const 4
        i32.sub
        local.tee $7
        local.get $7
        local.get $21
        i32.gt_s
        select
        local.tee $7
        i32.const 2
        i32.shl
        i32.add
        local.set $16
        local.get $0
        local.get $19
        local.get $7
        i32.const 1
        i32.shl
        i32.add
        local.tee $10
        i32.const 2
        i32.shl
        i32.add
        local.tee $7
        v128.load
        local.tee $12
        local.get $7
        v128.load offset=16
        local.tee $11
        i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        local.set $14
        local.get $12
        local.get $11
        i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        local.tee $11
        local.get $14
        f32x4.gt
        local.get $11
        local.get $11
        f32x4.ne
        v128.or
        local.set $15
        local.get $7
        local.get $4
        i32.const 2
        i32.shl
        i32.add
        local.tee $7
        v128.load
        local.tee $13
        local.get $7
        v128.load offset=16
        local.tee $17
        i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        local.tee $12
        local.get $11
        local.get $14
        local.get $15
        v128.bitselect
        local.tee $11
        f32x4.gt
        local.get $12
        local.get $12
        f32x4.ne
        v128.or
        local.set $14
        local.get $13
        local.get $17
        i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        local.tee $13
        local.get $12
        local.get $11
        local.get $14
        v128.bitselect
        local.tee $11
        f32x4.gt
        local.get $13
        local.get $13
        f32x4.ne
        v128.or
        local.set $12
        local.get $1
        local.get $16
        i32.add
        local.get $13
        local.get $11
        local.get $12
        v128.bitselect
        v128.store
        local.get $2
        local.get $16
        i32.add
        local.get $10
        i32x4.splat
        v128.const i32x4 0x00000000 0x00000002 0x00000004 0x00000006
        i32x4.add
        local.tee $11
        local.get $4
        i32.const 1
        i32.add
        i32x4.splat
        i32x4.add
        local.get $11
        local.get $4
        i32x4.splat
        i32x4.add
        local.get $11
        v128.const i32x4 0x00000001 0x00000001 0x00000001 0x00000001
        i32x4.add
        local.get $11
        local.get $15
        v128.bitselect
        local.get $14
        v128.bitselect
        local.get $12
        v128.bitselect
        v128.store
        local.get $21
        i32.const 4
        i32.add
        local.set $21
        br $for-loop|1
       end
      end
      br $for-continue|0
     end
     i32.const 0
     local.set $21
     loop $for-loop|2
      local.get $6
      local.get $21
      i32.gt_s
      if
       local.get $0
       local.get $19
       local.get $21
       i32.const 1
       i32.shl
       i32.add
       local.tee $7
       i32.const 2
       i32.shl
       i32.add
       f32.load
       local.set $9
       i32.const 1
       local.set $16
       loop $for-loop|3
        local.get $16
        i32.const 4
        i32.lt_s
        if
         local.get $0
         local.get $19
         local.get $21
         i32.const 1
         i32.shl
         i32.add
         local.get $16
         i32.const 1
         i32.shr_s
         local.get $4
         i32.mul
         i32.add
         local.get $16
         i32.const 1
         i32.and
         i32.add
         local.tee $10
         i32.const 2
         i32.shl
         i32.add
         f32.load
         local.tee $8
         local.get $8
         f32.ne
         local.get $8
         local.get $9
         f32.gt
         i32.or
         if
          local.get $8
          local.set $9
          local.get $10
          local.set $7
         end
         local.get $16
         i32.const 1
         i32.add
         local.set $16
         br $for-loop|3
        end
       end
       local.get $21
       i32.const 2
       i32.shl
       local.tee $10
       local.get $1
       local.get $18
       i32.add
       i32.add
       local.get $9
       f32.store
       local.get $2
       local.get $18
       i32.add
       local.get $10
       i32.add
       local.get $7
       i32.store
       local.get $21
       i32.const 1
       i32.add
       local.set $21
       br $for-loop|2
      end
     end
    end
    local.get $20
    i32.const 1
    i32.add
    local.set $20
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/pool/maxPool2dPlanes (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 f32)
  (local $4 f32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  local.get $0
  i32.load offset=24
  i32.const 2
  i32.eq
  if (result i32)
   local.get $0
   i32.load offset=28
   i32.const 2
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=32
   i32.const 2
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=36
   i32.const 2
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=40
  else
   i32.const 1
  end
  if (result i32)
   i32.const 1
  else
   local.get $0
   i32.load offset=44
  end
  if (result i32)
   i32.const 0
  else
   local.get $0
   i32.load offset=48
   i32.const 1
   i32.eq
  end
  if (result i32)
   local.get $0
   i32.load offset=52
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=12
   local.get $0
   i32.load offset=60
   i32.const 1
   i32.shl
   i32.ge_s
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=16
   local.get $0
   i32.const -64
   i32.sub
   i32.load
   i32.const 1
   i32.shl
   i32.ge_s
  else
   i32.const 0
  end
  if
   local.get $0
   i32.load offset=12
   local.set $11
   local.get $0
   i32.load offset=16
   local.set $10
   local.get $0
   i32.load offset=60
   local.set $9
   local.get $0
   i32.const -64
   i32.sub
   i32.load
   local.set $8
   local.get $0
   i32.load offset=68
   local.set $7
   local.get $0
   i32.load offset=72
   local.set $6
   local.get $0
   i32.load offset=76
   local.set $5
   loop $for-loop|0
    local.get $1
    local.get $2
    i32.lt_s
    if
     local.get $7
     local.get $6
     local.get $1
     local.get $9
     i32.mul
     local.get $8
     i32.mul
     i32.const 2
     i32.shl
     local.tee $0
     i32.add
     local.get $0
     local.get $5
     i32.add
     local.get $1
     local.get $11
     i32.mul
     local.get $10
     i32.mul
     local.get $10
     local.get $9
     local.get $8
     call $src/kernels/wasm/assembly/pool/maxPool2x2Plane
     local.get $1
     i32.const 1
     i32.add
     local.set $1
     br $for-loop|0
    end
   end
   return
  end
  local.get $0
  i32.load offset=12
  local.set $6
  local.get $0
  i32.load offset=16
  local.set $7
  local.get $0
  i32.load offset=24
  local.set $21
  local.get $0
  i32.load offset=28
  local.set $20
  local.get $0
  i32.load offset=32
  local.set $19
  local.get $0
  i32.load offset=36
  local.set $18
  local.get $0
  i32.load offset=40
  local.set $17
  local.get $0
  i32.load offset=44
  local.set $16
  local.get $0
  i32.load offset=48
  local.set $15
  local.get $0
  i32.load offset=52
  local.set $14
  local.get $0
  i32.load offset=68
  local.set $13
  local.get $0
  i32.load offset=72
  local.set $12
  local.get $0
  i32.load offset=76
  local.set $11
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  local.tee $10
  local.get $0
  i32.load offset=60
  local.tee $9
  local.get $1
  i32.mul
  i32.mul
  local.set $23
  loop $for-loop|1
   local.get $1
   local.get $2
   i32.lt_s
   if
    local.get $1
    local.get $6
    i32.mul
    local.get $7
    i32.mul
    local.set $8
    i32.const 0
    local.set $27
    loop $for-loop|2
     local.get $9
     local.get $27
     i32.gt_s
     if
      i32.const 0
      local.set $26
      loop $for-loop|3
       local.get $10
       local.get $26
       i32.gt_s
       if
        f32.const -inf
        local.set $4
        i32.const -1
        local.set $0
        i32.const 0
        local.set $25
        loop $for-loop|4
         local.get $21
         local.get $25
         i32.gt_s
         if
          local.get $19
          local.get $27
          i32.mul
          local.get $17
          i32.sub
          local.get $15
          local.get $25
          i32.mul
          i32.add
          local.tee $22
          i32.const 0
          i32.lt_s
          local.get $6
          local.get $22
          i32.le_s
          i32.or
          i32.eqz
          if
           i32.const 0
           local.set $24
           loop $for-loop|5
            local.get $20
            local.get $24
            i32.gt_s
            if
             local.get $18
             local.get $26
             i32.mul
             local.get $16
             i32.sub
             local.get $14
             local.get $24
             i32.mul
             i32.add
             local.tee $5
             i32.const 0
             i32.lt_s
             local.get $5
             local.get $7
             i32.ge_s
             i32.or
             i32.eqz
             if
              local.get $0
              i32.const 0
              i32.lt_s
              local.get $4
              local.get $13
              local.get $8
              local.get $7
              local.get $22
              i32.mul
              i32.add
              local.get $5
              i32.add
              local.tee $5
              i32.const 2
              i32.shl
              i32.add
              f32.load
              local.tee $3
              f32.lt
              i32.or
              local.get $3
              local.get $3
              f32.ne
              i32.or
              if
               local.get $3
               local.set $4
               local.get $5
               local.set $0
              end
             end
             local.get $24
             i32.const 1
             i32.add
             local.set $24
             br $for-loop|5
            end
           end
          end
          local.get $25
          i32.const 1
          i32.add
          local.set $25
          br $for-loop|4
         end
        end
        local.get $12
        local.get $23
        i32.const 2
        i32.shl
        local.tee $5
        i32.add
        local.get $4
        f32.store
        local.get $5
        local.get $11
        i32.add
        local.get $0
        i32.store
        local.get $23
        i32.const 1
        i32.add
        local.set $23
        local.get $26
        i32.const 1
        i32.add
        local.set $26
        br $for-loop|3
       end
      end
      local.get $27
      i32.const 1
      i32.add
      local.set $27
      br $for-loop|2
     end
    end
    local.get $1
    i32.const 1
    i32.add
    local.set $1
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/optim/sgdStepSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 f64) (param $5 f64) (param $6 f64) (param $7 f64) (param $8 i32)
  (local $9 v128)
  (local $10 i32)
  (local $11 v128)
  (local $12 i32)
  (local $13 v128)
  (local $14 v128)
  (local $15 f32)
  (local $16 v128)
  (local $17 v128)
  local.get $4
  f64x2.splat
  local.set $9
  local.get $5
  f64x2.splat
  local.set $11
  local.get $6
  f64x2.splat
  local.set $13
  local.get $7
  f64x2.splat
  local.set $14
  loop $for-loop|0
   local.get $10
   i32.const 2
   i32.add
   local.get $3
   i32.le_s
   if
    local.get $10
    i32.const 2
    i32.shl
    local.tee $12
    local.get $0
    i32.add
    v128.load64_zero
    f64x2.promote_low_f32x4
    local.set $16
    local.get $1
    local.get $12
    i32.add
    v128.load64_zero
    f64x2.promote_low_f32x4
    local.tee $17
    local.get $14
    local.get $16
    f64x2.mul
    f64x2.add
    local.get $17
    local.get $8
    i32.const 1
    i32.and
    select
    local.set $17
    local.get $0
    local.get $12
    i32.add
    local.get $16
    local.get $9
    local.get $8
    i32.const 2
    i32.and
    if (result v128)
     local.get $2
     local.get $12
     i32.add
     local.get $8
     i32.const 4
     i32.and
     if (result v128)
      local.get $17
     else
      local.get $11
      local.get $2
      local.get $12
      i32.add
      v128.load64_zero
      f64x2.promote_low_f32x4
      f64x2.mul
      local.get $13
      local.get $17
      f64x2.mul
      f64x2.add
     end
     f32x4.demote_f64x2_zero
     local.tee $16
     v128.store64_lane 0
     local.get $17
     local.get $11
     local.get $16
     f64x2.promote_low_f32x4
     local.tee $16
     f64x2.mul
     f64x2.add
     local.get $16
     local.get $8
     i32.const 8
     i32.and
     select
    else
     local.get $17
    end
    f64x2.mul
    f64x2.sub
    f32x4.demote_f64x2_zero
    v128.store64_lane 0
    local.get $10
    i32.const 2
    i32.add
    local.set $10
    br $for-loop|0
   end
  end
  local.get $3
  local.get $10
  i32.gt_s
  if
   local.get $10
   i32.const 2
   i32.shl
   local.tee $3
   local.get $0
   i32.add
   f32.load
   f64.promote_f32
   f64x2.splat
   local.set $16
   local.get $1
   local.get $3
   i32.add
   f32.load
   f64.promote_f32
   f64x2.splat
   local.tee $17
   local.get $14
   local.get $16
   f64x2.mul
   f64x2.add
   local.get $17
   local.get $8
   i32.const 1
   i32.and
   select
   local.set $14
   local.get $0
   local.get $3
   i32.add
   local.get $16
   local.get $9
   local.get $8
   i32.const 2
   i32.and
   if (result v128)
    local.get $2
    local.get $3
    i32.add
    local.get $8
    i32.const 4
    i32.and
    if (result v128)
     local.get $14
    else
     local.get $11
     local.get $2
     local.get $3
     i32.add
     f32.load
     f64.promote_f32
     f64x2.splat
     f64x2.mul
     local.get $13
     local.get $14
     f64x2.mul
     f64x2.add
    end
    f64x2.extract_lane 0
    f32.demote_f64
    local.tee $15
    f32.store
    local.get $14
    local.get $11
    local.get $15
    f64.promote_f32
    f64x2.splat
    local.tee $9
    f64x2.mul
    f64x2.add
    local.get $9
    local.get $8
    i32.const 8
    i32.and
    select
   else
    local.get $14
   end
   f64x2.mul
   f64x2.sub
   f64x2.extract_lane 0
   f32.demote_f64
   f32.store
  end
 )
 (func $src/kernels/wasm/assembly/optim/adamStepSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 f64) (param $7 f64) (param $8 f64) (param $9 f64) (param $10 f64) (param $11 f64) (param $12 f64) (param $13 f64) (param $14 f64) (param $15 i32)
  (local $16 v128)
  (local $17 f32)
  (local $18 v128)
  (local $19 v128)
  (local $20 i32)
  (local $21 v128)
  (local $22 v128)
  (local $23 f32)
  (local $24 i32)
  (local $25 v128)
  (local $26 v128)
  (local $27 v128)
  (local $28 v128)
  (local $29 v128)
  (local $30 v128)
  (local $31 v128)
  (local $32 i32)
  (local $33 i32)
  local.get $6
  f64x2.splat
  local.set $22
  local.get $7
  f64x2.splat
  local.set $31
  local.get $8
  f64x2.splat
  local.set $21
  local.get $9
  f64x2.splat
  local.set $30
  local.get $10
  f64x2.splat
  local.set $29
  local.get $11
  f64x2.splat
  local.set $28
  local.get $12
  f64x2.splat
  local.set $27
  local.get $13
  f64x2.splat
  local.set $26
  local.get $14
  f64x2.splat
  local.set $25
  loop $for-loop|0
   local.get $33
   i32.const 2
   i32.add
   local.get $5
   i32.le_s
   if
    local.get $33
    i32.const 2
    i32.shl
    local.tee $32
    local.get $0
    i32.add
    local.tee $20
    v128.load64_zero
    f64x2.promote_low_f32x4
    local.set $16
    local.get $1
    local.get $32
    i32.add
    v128.load64_zero
    f64x2.promote_low_f32x4
    local.set $18
    local.get $15
    i32.const 1
    i32.and
    if
     local.get $20
     local.get $16
     local.get $25
     f64x2.mul
     f32x4.demote_f64x2_zero
     local.tee $16
     v128.store64_lane 0
     local.get $16
     f64x2.promote_low_f32x4
     local.set $16
    end
    local.get $21
    local.get $3
    local.get $32
    i32.add
    local.tee $20
    v128.load64_zero
    f64x2.promote_low_f32x4
    f64x2.mul
    local.get $30
    local.get $18
    local.get $26
    local.get $16
    f64x2.mul
    f64x2.add
    local.get $18
    local.get $15
    i32.const 2
    i32.and
    select
    local.tee $19
    f64x2.mul
    local.get $19
    f64x2.mul
    f64x2.add
    local.set $18
    local.get $22
    local.get $2
    local.get $32
    i32.add
    local.tee $24
    v128.load64_zero
    f64x2.promote_low_f32x4
    f64x2.mul
    local.get $31
    local.get $19
    f64x2.mul
    f64x2.add
    f32x4.demote_f64x2_zero
    local.set $19
    local.get $24
    local.get $19
    v128.store64_lane 0
    local.get $20
    local.get $18
    f32x4.demote_f64x2_zero
    local.tee $18
    v128.store64_lane 0
    local.get $18
    f64x2.promote_low_f32x4
    local.set $18
    local.get $15
    i32.const 4
    i32.and
    if
     local.get $4
     local.get $32
     i32.add
     local.tee $20
     v128.load64_zero
     f64x2.promote_low_f32x4
     local.get $18
     f64x2.pmax
     local.set $18
     local.get $20
     local.get $18
     f32x4.demote_f64x2_zero
     v128.store64_lane 0
    end
    local.get $0
    local.get $32
    i32.add
    local.get $16
    local.get $28
    local.get $19
    f64x2.promote_low_f32x4
    f64x2.mul
    local.get $18
    f64x2.sqrt
    local.get $27
    f64x2.div
    local.get $29
    f64x2.add
    f64x2.div
    f64x2.sub
    f32x4.demote_f64x2_zero
    v128.store64_lane 0
    local.get $33
    i32.const 2
    i32.add
    local.set $33
    br $for-loop|0
   end
  end
  local.get $5
  local.get $33
  i32.gt_s
  if
   local.get $33
   i32.const 2
   i32.shl
   local.tee $20
   local.get $0
   i32.add
   local.tee $5
   f32.load
   f64.promote_f32
   f64x2.splat
   local.set $16
   local.get $1
   local.get $20
   i32.add
   f32.load
   f64.promote_f32
   f64x2.splat
   local.set $18
   local.get $15
   i32.const 1
   i32.and
   if
    local.get $5
    local.get $16
    local.get $25
    f64x2.mul
    f64x2.extract_lane 0
    f32.demote_f64
    local.tee $17
    f32.store
    local.get $17
    f64.promote_f32
    f64x2.splat
    local.set $16
   end
   local.get $21
   local.get $3
   local.get $20
   i32.add
   local.tee $3
   f32.load
   f64.promote_f32
   f64x2.splat
   f64x2.mul
   local.get $30
   local.get $18
   local.get $26
   local.get $16
   f64x2.mul
   f64x2.add
   local.get $18
   local.get $15
   i32.const 2
   i32.and
   select
   local.tee $19
   f64x2.mul
   local.get $19
   f64x2.mul
   f64x2.add
   local.set $18
   local.get $22
   local.get $2
   local.get $20
   i32.add
   local.tee $1
   f32.load
   f64.promote_f32
   f64x2.splat
   f64x2.mul
   local.get $31
   local.get $19
   f64x2.mul
   f64x2.add
   f64x2.extract_lane 0
   f32.demote_f64
   local.set $17
   local.get $1
   local.get $17
   f32.store
   local.get $3
   local.get $18
   f64x2.extract_lane 0
   f32.demote_f64
   local.tee $23
   f32.store
   local.get $23
   f64.promote_f32
   f64x2.splat
   local.set $18
   local.get $15
   i32.const 4
   i32.and
   if
    local.get $4
    local.get $20
    i32.add
    local.tee $1
    f32.load
    f64.promote_f32
    f64x2.splat
    local.get $18
    f64x2.pmax
    local.set $18
    local.get $1
    local.get $18
    f64x2.extract_lane 0
    f32.demote_f64
    f32.store
   end
   local.get $0
   local.get $20
   i32.add
   local.get $16
   local.get $28
   local.get $17
   f64.promote_f32
   f64x2.splat
   f64x2.mul
   local.get $18
   f64x2.sqrt
   local.get $27
   f64x2.div
   local.get $29
   f64x2.add
   f64x2.div
   f64x2.sub
   f64x2.extract_lane 0
   f32.demote_f64
   f32.store
  end
 )
 (func $src/kernels/wasm/assembly/index/winogradKernelScratchBytes (result i32)
  i32.const 576
 )
 (func $src/kernels/wasm/assembly/index/tileRows (result i32)
  i32.const 4
 )
 (func $src/kernels/wasm/assembly/index/tileCols (result i32)
  i32.const 8
 )
 (func $src/kernels/wasm/assembly/index/runJobSerial (param $0 i32) (param $1 i32)
  (local $2 i32)
  loop $for-loop|0
   local.get $1
   local.get $2
   i32.gt_s
   if
    local.get $0
    local.get $2
    i32.const 0
    call $src/kernels/wasm/assembly/index/runItem
    local.get $2
    i32.const 1
    i32.add
    local.set $2
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/index/runJobItems (param $0 i32) (param $1 i32)
  (local $2 i32)
  (local $3 i32)
  loop $for-loop|0
   loop $for-loop|00
    block $__inlined_func$src/kernels/wasm/assembly/index/claimItem$25
     i32.const -1
     local.set $2
     local.get $0
     i32.atomic.load offset=4
     local.tee $3
     local.get $0
     i32.atomic.load offset=12
     i32.ge_s
     br_if $__inlined_func$src/kernels/wasm/assembly/index/claimItem$25
     local.get $3
     local.tee $2
     local.get $0
     i32.const 4
     i32.add
     local.get $2
     local.get $2
     i32.const 1
     i32.add
     i32.atomic.rmw.cmpxchg
     i32.ne
     br_if $for-loop|00
    end
   end
   local.get $2
   i32.const 0
   i32.ge_s
   if
    local.get $0
    i32.load offset=16
    local.get $2
    local.get $1
    call $src/kernels/wasm/assembly/index/runItem
    local.get $0
    i32.const 8
    i32.add
    i32.const 1
    i32.atomic.rmw.add
    drop
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/index/heapBase (result i32)
  i32.const 1024
 )
 (func $src/kernels/wasm/assembly/index/gemmScratchBytes (result i32)
  i32.const 1171584
 )
 (func $src/kernels/wasm/assembly/index/elementwiseItem (param $0 i32) (param $1 i32)
  (local $2 i32)
  (local $3 v128)
  (local $4 f32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  local.get $1
  local.get $0
  i32.load offset=4
  local.tee $1
  i32.mul
  local.set $5
  local.get $0
  i32.load offset=24
  local.tee $6
  local.get $1
  local.get $5
  i32.add
  local.tee $1
  local.get $1
  local.get $6
  i32.gt_s
  select
  local.get $5
  i32.sub
  local.set $1
  local.get $5
  i32.const 2
  i32.shl
  local.tee $6
  local.get $0
  i32.load offset=12
  i32.add
  local.set $5
  local.get $0
  i32.load offset=16
  local.get $6
  i32.add
  local.set $7
  local.get $0
  i32.load offset=20
  local.get $6
  i32.add
  local.set $6
  local.get $0
  i32.load offset=8
  local.tee $0
  if
   local.get $0
   i32.const 1
   i32.eq
   if
    local.get $1
    local.set $2
    i32.const 0
    local.set $0
    loop $for-loop|0
     local.get $0
     i32.const 4
     i32.add
     local.tee $1
     local.get $2
     i32.le_s
     if
      local.get $0
      i32.const 2
      i32.shl
      local.tee $0
      local.get $5
      i32.add
      v128.load
      local.set $3
      local.get $0
      local.get $6
      i32.add
      local.get $3
      local.get $3
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      local.get $3
      local.get $3
      f32x4.ne
      v128.or
      v128.and
      v128.store
      local.get $1
      local.set $0
      br $for-loop|0
     end
    end
    loop $for-loop|1
     local.get $0
     local.get $2
     i32.lt_s
     if
      local.get $0
      i32.const 2
      i32.shl
      local.tee $1
      local.get $5
      i32.add
      f32.load
      local.set $4
      local.get $1
      local.get $6
      i32.add
      local.get $4
      f32.const 0
      local.get $4
      local.get $4
      f32.ne
      local.get $4
      f32.const 0
      f32.gt
      i32.or
      select
      f32.store
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|1
     end
    end
   else
    local.get $0
    i32.const 3
    i32.eq
    if
     loop $for-loop|00
      local.get $2
      i32.const 4
      i32.add
      local.tee $0
      local.get $1
      i32.le_s
      if
       local.get $2
       i32.const 2
       i32.shl
       local.tee $2
       local.get $5
       i32.add
       v128.load
       local.get $2
       local.get $7
       i32.add
       v128.load
       f32x4.add
       local.set $3
       local.get $2
       local.get $6
       i32.add
       local.get $3
       local.get $3
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       local.get $3
       local.get $3
       f32x4.ne
       v128.or
       v128.and
       v128.store
       local.get $0
       local.set $2
       br $for-loop|00
      end
     end
     loop $for-loop|11
      local.get $1
      local.get $2
      i32.gt_s
      if
       local.get $2
       i32.const 2
       i32.shl
       local.tee $0
       local.get $5
       i32.add
       f32.load
       local.get $0
       local.get $7
       i32.add
       f32.load
       f32.add
       local.set $4
       local.get $0
       local.get $6
       i32.add
       local.get $4
       f32.const 0
       local.get $4
       local.get $4
       f32.ne
       local.get $4
       f32.const 0
       f32.gt
       i32.or
       select
       f32.store
       local.get $2
       i32.const 1
       i32.add
       local.set $2
       br $for-loop|11
      end
     end
    else
     local.get $1
     local.set $2
     i32.const 0
     local.set $0
     loop $for-loop|01
      local.get $0
      i32.const 4
      i32.add
      local.tee $1
      local.get $2
      i32.le_s
      if
       local.get $0
       i32.const 2
       i32.shl
       local.tee $0
       local.get $6
       i32.add
       v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
       local.get $0
       local.get $5
       i32.add
       v128.load
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       v128.and
       local.get $0
       local.get $7
       i32.add
       v128.load
       f32x4.mul
       v128.store
       local.get $1
       local.set $0
       br $for-loop|01
      end
     end
     loop $for-loop|12
      local.get $0
      local.get $2
      i32.lt_s
      if
       local.get $0
       i32.const 2
       i32.shl
       local.tee $1
       local.get $6
       i32.add
       f32.const 1
       f32.const 0
       local.get $1
       local.get $5
       i32.add
       f32.load
       f32.const 0
       f32.gt
       select
       local.get $1
       local.get $7
       i32.add
       f32.load
       f32.mul
       f32.store
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|12
      end
     end
    end
   end
  else
   loop $for-loop|013
    local.get $2
    i32.const 4
    i32.add
    local.tee $0
    local.get $1
    i32.le_s
    if
     local.get $2
     i32.const 2
     i32.shl
     local.tee $2
     local.get $6
     i32.add
     local.get $2
     local.get $5
     i32.add
     v128.load
     local.get $2
     local.get $7
     i32.add
     v128.load
     f32x4.add
     v128.store
     local.get $0
     local.set $2
     br $for-loop|013
    end
   end
   loop $for-loop|124
    local.get $1
    local.get $2
    i32.gt_s
    if
     local.get $2
     i32.const 2
     i32.shl
     local.tee $0
     local.get $6
     i32.add
     local.get $0
     local.get $5
     i32.add
     f32.load
     local.get $0
     local.get $7
     i32.add
     f32.load
     f32.add
     f32.store
     local.get $2
     i32.const 1
     i32.add
     local.set $2
     br $for-loop|124
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/group-norm/rowSumsAlongChannels (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (result v128)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 f64)
  (local $16 f64)
  (local $17 v128)
  (local $18 f64)
  (local $19 f64)
  (local $20 f64)
  (local $21 v128)
  (local $22 v128)
  (local $23 v128)
  (local $24 v128)
  loop $for-loop|0
   local.get $7
   i32.const 4
   i32.add
   local.tee $6
   local.get $3
   i32.le_s
   if
    local.get $7
    i32.const 2
    i32.shl
    local.tee $8
    local.get $0
    i32.add
    v128.load
    local.set $10
    local.get $2
    local.get $8
    i32.add
    v128.load
    local.set $12
    local.get $10
    f64x2.promote_low_f32x4
    local.tee $14
    local.get $1
    local.get $8
    i32.add
    v128.load
    local.tee $9
    f64x2.promote_low_f32x4
    f64x2.mul
    local.set $17
    local.get $7
    i32.const 3
    i32.shl
    local.tee $8
    local.get $4
    i32.add
    local.tee $7
    local.get $7
    v128.load
    local.get $14
    f64x2.add
    v128.store
    local.get $7
    i32.const 16
    i32.add
    local.get $7
    v128.load offset=16
    local.get $10
    local.get $10
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.tee $11
    f64x2.add
    v128.store
    local.get $5
    local.get $8
    i32.add
    local.tee $7
    local.get $7
    v128.load
    local.get $17
    f64x2.add
    v128.store
    local.get $7
    i32.const 16
    i32.add
    local.get $7
    v128.load offset=16
    local.get $11
    local.get $9
    local.get $9
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.mul
    local.tee $10
    f64x2.add
    v128.store
    local.get $24
    local.get $12
    f64x2.promote_low_f32x4
    local.tee $13
    local.get $14
    f64x2.mul
    f64x2.add
    local.set $24
    local.get $23
    local.get $12
    local.get $12
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.tee $9
    local.get $11
    f64x2.mul
    f64x2.add
    local.set $23
    local.get $22
    local.get $13
    local.get $17
    f64x2.mul
    f64x2.add
    local.set $22
    local.get $21
    local.get $9
    local.get $10
    f64x2.mul
    f64x2.add
    local.set $21
    local.get $6
    local.set $7
    br $for-loop|0
   end
  end
  local.get $24
  local.get $23
  f64x2.add
  local.tee $9
  f64x2.extract_lane 0
  local.get $9
  f64x2.extract_lane 1
  f64.add
  local.set $20
  local.get $22
  local.get $21
  f64x2.add
  local.tee $9
  f64x2.extract_lane 0
  local.get $9
  f64x2.extract_lane 1
  f64.add
  local.set $19
  loop $for-loop|1
   local.get $3
   local.get $7
   i32.gt_s
   if
    local.get $7
    i32.const 2
    i32.shl
    local.tee $6
    local.get $0
    i32.add
    f32.load
    f64.promote_f32
    local.set $18
    local.get $2
    local.get $6
    i32.add
    f32.load
    f64.promote_f32
    local.set $16
    local.get $18
    local.get $1
    local.get $6
    i32.add
    f32.load
    f64.promote_f32
    f64.mul
    local.set $15
    local.get $7
    i32.const 3
    i32.shl
    local.tee $8
    local.get $4
    i32.add
    local.tee $6
    local.get $6
    f64.load
    local.get $18
    f64.add
    f64.store
    local.get $5
    local.get $8
    i32.add
    local.tee $6
    local.get $6
    f64.load
    local.get $15
    f64.add
    f64.store
    local.get $20
    local.get $16
    local.get $18
    f64.mul
    f64.add
    local.set $20
    local.get $19
    local.get $16
    local.get $15
    f64.mul
    f64.add
    local.set $19
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|1
   end
  end
  local.get $20
  f64x2.splat
  local.get $19
  f64x2.replace_lane 1
 )
 (func $src/kernels/wasm/assembly/group-norm/groupNormForwardBlocks (param $0 i32) (param $1 f64)
  (local $2 i32)
  (local $3 f64)
  (local $4 i32)
  (local $5 v128)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 f64)
  (local $11 v128)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 v128)
  (local $19 i32)
  (local $20 i32)
  (local $21 v128)
  (local $22 i32)
  local.get $0
  i32.load
  local.set $19
  local.get $0
  i32.load offset=16
  local.set $8
  local.get $0
  i32.load offset=20
  local.set $12
  local.get $0
  i32.load offset=24
  local.set $13
  local.get $0
  i32.load offset=28
  local.set $14
  local.get $0
  i32.load offset=32
  local.set $15
  local.get $0
  i32.load offset=36
  local.set $20
  local.get $0
  i32.load offset=8
  local.tee $9
  local.get $0
  i32.load offset=4
  local.get $0
  i32.load offset=12
  local.tee $16
  i32.div_s
  local.tee $17
  i32.mul
  local.set $4
  loop $for-loop|0
   local.get $6
   local.get $16
   local.get $19
   i32.mul
   i32.lt_s
   if
    i32.const 0
    local.set $0
    local.get $8
    local.get $4
    local.get $6
    i32.mul
    i32.const 2
    i32.shl
    local.tee $7
    i32.add
    local.tee $22
    local.get $4
    call $src/kernels/wasm/assembly/adaptive-pool/sumPlaneSimd
    local.get $4
    f64.convert_i32_s
    f64.div
    local.tee $10
    f64x2.splat
    local.set $18
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set $5
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set $11
    loop $for-loop|00
     local.get $0
     i32.const 4
     i32.add
     local.tee $2
     local.get $4
     i32.le_s
     if
      local.get $5
      local.get $22
      local.get $0
      i32.const 2
      i32.shl
      i32.add
      v128.load
      local.tee $21
      f64x2.promote_low_f32x4
      local.get $18
      f64x2.sub
      local.tee $5
      local.get $5
      f64x2.mul
      f64x2.add
      local.set $5
      local.get $11
      local.get $21
      local.get $21
      i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
      f64x2.promote_low_f32x4
      local.get $18
      f64x2.sub
      local.tee $11
      local.get $11
      f64x2.mul
      f64x2.add
      local.set $11
      local.get $2
      local.set $0
      br $for-loop|00
     end
    end
    local.get $5
    local.get $11
    f64x2.add
    local.tee $5
    f64x2.extract_lane 0
    local.get $5
    f64x2.extract_lane 1
    f64.add
    local.set $3
    loop $for-loop|1
     local.get $0
     local.get $4
     i32.lt_s
     if
      local.get $3
      local.get $22
      local.get $0
      i32.const 2
      i32.shl
      i32.add
      f32.load
      f64.promote_f32
      local.get $10
      f64.sub
      local.tee $3
      local.get $3
      f64.mul
      f64.add
      local.set $3
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|1
     end
    end
    local.get $20
    local.get $6
    i32.const 2
    i32.shl
    i32.add
    f64.const 1
    local.get $3
    local.get $4
    f64.convert_i32_s
    f64.div
    local.get $1
    f64.add
    f64.sqrt
    f64.div
    local.tee $3
    f32.demote_f64
    f32.store
    local.get $6
    local.get $16
    i32.rem_s
    local.get $17
    i32.mul
    local.set $2
    block $for-continue|0
     local.get $9
     i32.const 1
     i32.eq
     if
      local.get $7
      local.get $8
      i32.add
      local.get $7
      local.get $14
      i32.add
      local.get $7
      local.get $15
      i32.add
      local.get $4
      local.get $10
      local.get $3
      local.get $2
      i32.const 2
      i32.shl
      local.tee $0
      local.get $12
      i32.add
      local.get $0
      local.get $13
      i32.add
      i32.const 1
      call $src/kernels/wasm/assembly/group-norm/normalise
      br $for-continue|0
     end
     i32.const 0
     local.set $0
     loop $for-loop|11
      local.get $0
      local.get $17
      i32.lt_s
      if
       local.get $7
       local.get $0
       local.get $9
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.tee $22
       local.get $8
       i32.add
       local.get $14
       local.get $22
       i32.add
       local.get $15
       local.get $22
       i32.add
       local.get $9
       local.get $10
       local.get $3
       local.get $0
       local.get $2
       i32.add
       i32.const 2
       i32.shl
       local.tee $22
       local.get $12
       i32.add
       local.get $13
       local.get $22
       i32.add
       i32.const 0
       call $src/kernels/wasm/assembly/group-norm/normalise
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|11
      end
     end
    end
    local.get $6
    i32.const 1
    i32.add
    local.set $6
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/group-norm/groupNormBackwardBlocks (param $0 i32)
  (local $1 i32)
  (local $2 v128)
  (local $3 i32)
  (local $4 f64)
  (local $5 f64)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 f64)
  (local $11 f64)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 v128)
  (local $17 v128)
  (local $18 v128)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 f64)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 v128)
  (local $31 v128)
  (local $32 f64)
  local.get $0
  i32.load
  local.set $26
  local.get $0
  i32.load offset=16
  local.set $12
  local.get $0
  i32.load offset=20
  local.set $13
  local.get $0
  i32.load offset=24
  local.set $27
  local.get $0
  i32.load offset=28
  local.set $14
  local.get $0
  i32.load offset=32
  local.set $19
  local.get $0
  i32.load offset=36
  local.set $20
  local.get $0
  i32.load offset=40
  local.set $21
  local.get $0
  i32.load offset=8
  local.tee $6
  local.get $0
  i32.load offset=4
  local.get $0
  i32.load offset=12
  local.tee $22
  i32.div_s
  local.tee $15
  i32.mul
  local.set $7
  loop $for-loop|0
   local.get $8
   local.get $22
   local.get $26
   i32.mul
   i32.lt_s
   if
    local.get $7
    local.get $8
    i32.mul
    i32.const 2
    i32.shl
    local.set $9
    local.get $8
    local.get $22
    i32.rem_s
    local.get $15
    i32.mul
    local.set $28
    local.get $27
    local.get $8
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f64.promote_f32
    local.set $23
    block $for-continue|0
     local.get $6
     i32.const 1
     i32.eq
     if
      local.get $9
      local.get $12
      i32.add
      local.tee $0
      local.get $9
      local.get $13
      i32.add
      local.tee $1
      local.get $14
      local.get $28
      i32.const 2
      i32.shl
      i32.add
      local.tee $3
      local.get $7
      local.get $28
      i32.const 3
      i32.shl
      local.tee $24
      local.get $21
      i32.add
      local.get $20
      local.get $24
      i32.add
      call $src/kernels/wasm/assembly/group-norm/rowSumsAlongChannels
      local.set $2
      local.get $0
      local.get $1
      local.get $9
      local.get $19
      i32.add
      local.get $7
      local.get $23
      local.get $2
      f64x2.extract_lane 0
      local.get $7
      f64.convert_i32_s
      local.tee $4
      f64.div
      local.get $2
      f64x2.extract_lane 1
      local.get $4
      f64.div
      local.get $3
      i32.const 1
      call $src/kernels/wasm/assembly/group-norm/inputGradient
      br $for-continue|0
     end
     f64.const 0
     local.set $4
     f64.const 0
     local.set $10
     i32.const 0
     local.set $3
     loop $for-loop|1
      local.get $3
      local.get $15
      i32.lt_s
      if
       local.get $3
       local.get $28
       i32.add
       local.set $29
       local.get $9
       local.get $3
       local.get $6
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.tee $0
       local.get $12
       i32.add
       local.set $24
       local.get $0
       local.get $13
       i32.add
       local.set $25
       i32.const 0
       local.set $0
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.set $2
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.set $16
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.set $17
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       local.set $18
       loop $for-loop|00
        local.get $0
        i32.const 4
        i32.add
        local.tee $1
        local.get $6
        i32.le_s
        if
         local.get $2
         local.get $0
         i32.const 2
         i32.shl
         local.tee $0
         local.get $24
         i32.add
         v128.load
         local.tee $30
         f64x2.promote_low_f32x4
         local.tee $31
         f64x2.add
         local.set $2
         local.get $16
         local.get $30
         local.get $30
         i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
         f64x2.promote_low_f32x4
         local.tee $30
         f64x2.add
         local.set $16
         local.get $17
         local.get $31
         local.get $0
         local.get $25
         i32.add
         v128.load
         local.tee $31
         f64x2.promote_low_f32x4
         f64x2.mul
         f64x2.add
         local.set $17
         local.get $18
         local.get $30
         local.get $31
         local.get $31
         i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
         f64x2.promote_low_f32x4
         f64x2.mul
         f64x2.add
         local.set $18
         local.get $1
         local.set $0
         br $for-loop|00
        end
       end
       local.get $2
       local.get $16
       f64x2.add
       local.tee $2
       f64x2.extract_lane 0
       local.get $2
       f64x2.extract_lane 1
       f64.add
       local.set $5
       local.get $17
       local.get $18
       f64x2.add
       local.tee $2
       f64x2.extract_lane 0
       local.get $2
       f64x2.extract_lane 1
       f64.add
       local.set $11
       loop $for-loop|11
        local.get $0
        local.get $6
        i32.lt_s
        if
         local.get $5
         local.get $0
         i32.const 2
         i32.shl
         local.tee $1
         local.get $24
         i32.add
         f32.load
         f64.promote_f32
         local.tee $32
         f64.add
         local.set $5
         local.get $11
         local.get $32
         local.get $1
         local.get $25
         i32.add
         f32.load
         f64.promote_f32
         f64.mul
         f64.add
         local.set $11
         local.get $0
         i32.const 1
         i32.add
         local.set $0
         br $for-loop|11
        end
       end
       local.get $14
       local.get $29
       i32.const 2
       i32.shl
       i32.add
       f32.load
       f64.promote_f32
       local.set $32
       local.get $29
       i32.const 3
       i32.shl
       local.tee $0
       local.get $21
       i32.add
       local.tee $1
       local.get $1
       f64.load
       local.get $5
       f64x2.splat
       local.get $11
       f64x2.replace_lane 1
       local.tee $2
       f64x2.extract_lane 0
       local.tee $5
       f64.add
       f64.store
       local.get $0
       local.get $20
       i32.add
       local.tee $0
       local.get $0
       f64.load
       local.get $2
       f64x2.extract_lane 1
       local.tee $11
       f64.add
       f64.store
       local.get $4
       local.get $32
       local.get $5
       f64.mul
       f64.add
       local.set $4
       local.get $10
       local.get $32
       local.get $11
       f64.mul
       f64.add
       local.set $10
       local.get $3
       i32.const 1
       i32.add
       local.set $3
       br $for-loop|1
      end
     end
     local.get $4
     local.get $7
     f64.convert_i32_s
     local.tee $4
     f64.div
     local.set $5
     local.get $10
     local.get $4
     f64.div
     local.set $4
     i32.const 0
     local.set $0
     loop $for-loop|2
      local.get $0
      local.get $15
      i32.lt_s
      if
       local.get $9
       local.get $0
       local.get $6
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.tee $1
       local.get $12
       i32.add
       local.get $1
       local.get $13
       i32.add
       local.get $1
       local.get $19
       i32.add
       local.get $6
       local.get $23
       local.get $5
       local.get $4
       local.get $14
       local.get $0
       local.get $28
       i32.add
       i32.const 2
       i32.shl
       i32.add
       i32.const 0
       call $src/kernels/wasm/assembly/group-norm/inputGradient
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|2
      end
     end
    end
    local.get $8
    i32.const 1
    i32.add
    local.set $8
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/gemm/packPanelTransposed (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 v128)
  (local $8 i32)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  local.get $1
  i32.const 2
  i32.shl
  local.set $6
  i32.const 0
  local.set $1
  loop $for-loop|0
   local.get $1
   i32.const 4
   i32.add
   local.get $2
   i32.le_s
   if
    local.get $0
    local.get $1
    i32.const 2
    i32.shl
    i32.add
    local.set $5
    local.get $3
    local.get $1
    i32.const 5
    i32.shl
    i32.add
    local.tee $8
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.0 (result v128)
     local.get $4
     i32.const 0
     i32.gt_s
     if
      local.get $5
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.0
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $7
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.1 (result v128)
     local.get $4
     i32.const 1
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.1
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $9
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $10
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.2 (result v128)
     local.get $4
     i32.const 2
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 1
      i32.shl
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.2
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $11
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.3 (result v128)
     local.get $4
     i32.const 3
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 3
      i32.mul
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.3
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $12
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $13
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $8
    local.get $10
    local.get $13
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=32
    local.get $8
    i32.const -64
    i32.sub
    local.get $7
    local.get $9
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $7
    local.get $11
    local.get $12
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $9
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $8
    local.get $7
    local.get $9
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=96
    local.get $8
    i32.const 16
    i32.add
    local.tee $8
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.4 (result v128)
     local.get $4
     i32.const 4
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 2
      i32.shl
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.4
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $7
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.5 (result v128)
     local.get $4
     i32.const 5
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 5
      i32.mul
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.5
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $9
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $10
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.6 (result v128)
     local.get $4
     i32.const 6
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 6
      i32.mul
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.6
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $11
    block $src/kernels/wasm/assembly/gemm/panelRow|inlined.7 (result v128)
     local.get $4
     i32.const 7
     i32.gt_s
     if
      local.get $5
      local.get $6
      i32.const 7
      i32.mul
      i32.add
      v128.load
      br $src/kernels/wasm/assembly/gemm/panelRow|inlined.7
     end
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    end
    local.tee $12
    i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
    local.tee $13
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $8
    local.get $10
    local.get $13
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=32
    local.get $8
    i32.const -64
    i32.sub
    local.get $7
    local.get $9
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $7
    local.get $11
    local.get $12
    i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31
    local.tee $9
    i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
    v128.store
    local.get $8
    local.get $7
    local.get $9
    i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
    v128.store offset=96
    local.get $1
    i32.const 4
    i32.add
    local.set $1
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $1
   local.get $2
   i32.lt_s
   if
    i32.const 0
    local.set $5
    loop $for-loop|2
     local.get $5
     i32.const 8
     i32.lt_s
     if
      local.get $3
      local.get $1
      i32.const 3
      i32.shl
      local.get $5
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.get $4
      local.get $5
      i32.gt_s
      if (result f32)
       local.get $0
       local.get $5
       local.get $6
       i32.mul
       i32.add
       local.get $1
       i32.const 2
       i32.shl
       i32.add
       f32.load
      else
       f32.const 0
      end
      f32.store
      local.get $5
      i32.const 1
      i32.add
      local.set $5
      br $for-loop|2
     end
    end
    local.get $1
    i32.const 1
    i32.add
    local.set $1
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/gemm/kernel4x8Simd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 v128)
  (local $16 v128)
  (local $17 v128)
  (local $18 i32)
  (local $19 v128)
  (local $20 f32)
  (local $21 v128)
  (local $22 v128)
  loop $for-loop|0
   local.get $0
   local.get $18
   i32.gt_s
   if
    local.get $1
    v128.load32_splat
    local.tee $21
    local.get $2
    v128.load
    local.tee $19
    f32x4.mul
    local.get $10
    f32x4.add
    local.set $10
    local.get $21
    local.get $2
    v128.load offset=16
    local.tee $21
    f32x4.mul
    local.get $11
    f32x4.add
    local.set $11
    local.get $1
    v128.load32_splat offset=4
    local.tee $22
    local.get $19
    f32x4.mul
    local.get $12
    f32x4.add
    local.set $12
    local.get $22
    local.get $21
    f32x4.mul
    local.get $13
    f32x4.add
    local.set $13
    local.get $1
    v128.load32_splat offset=8
    local.tee $22
    local.get $19
    f32x4.mul
    local.get $14
    f32x4.add
    local.set $14
    local.get $22
    local.get $21
    f32x4.mul
    local.get $15
    f32x4.add
    local.set $15
    local.get $1
    v128.load32_splat offset=12
    local.tee $22
    local.get $19
    f32x4.mul
    local.get $16
    f32x4.add
    local.set $16
    local.get $22
    local.get $21
    f32x4.mul
    local.get $17
    f32x4.add
    local.set $17
    local.get $1
    i32.const 16
    i32.add
    local.set $1
    local.get $2
    local.get $3
    i32.add
    local.set $2
    local.get $18
    i32.const 1
    i32.add
    local.set $18
    br $for-loop|0
   end
  end
  local.get $7
  i32.const 8
  i32.eq
  local.get $6
  i32.const 4
  i32.eq
  i32.and
  if
   local.get $5
   i32.const 2
   i32.shl
   local.set $0
   local.get $4
   local.get $8
   if (result v128)
    local.get $11
    local.get $4
    v128.load offset=16
    f32x4.add
    local.set $11
    local.get $10
    local.get $4
    v128.load
    f32x4.add
   else
    local.get $10
   end
   v128.store
   local.get $4
   local.get $11
   v128.store offset=16
   local.get $0
   local.get $4
   i32.add
   local.tee $1
   local.get $8
   if (result v128)
    local.get $13
    local.get $1
    v128.load offset=16
    f32x4.add
    local.set $13
    local.get $12
    local.get $1
    v128.load
    f32x4.add
   else
    local.get $12
   end
   v128.store
   local.get $1
   local.get $13
   v128.store offset=16
   local.get $4
   local.get $0
   i32.const 1
   i32.shl
   i32.add
   local.tee $1
   local.get $8
   if (result v128)
    local.get $15
    local.get $1
    v128.load offset=16
    f32x4.add
    local.set $15
    local.get $14
    local.get $1
    v128.load
    f32x4.add
   else
    local.get $14
   end
   v128.store
   local.get $1
   local.get $15
   v128.store offset=16
   local.get $4
   local.get $0
   i32.const 3
   i32.mul
   i32.add
   local.tee $0
   local.get $8
   if (result v128)
    local.get $17
    local.get $0
    v128.load offset=16
    f32x4.add
    local.set $17
    local.get $16
    local.get $0
    v128.load
    f32x4.add
   else
    local.get $16
   end
   v128.store
   local.get $0
   local.get $17
   v128.store offset=16
   return
  end
  local.get $9
  local.get $10
  v128.store
  local.get $9
  local.get $11
  v128.store offset=16
  local.get $9
  i32.const 32
  i32.add
  local.get $12
  v128.store
  local.get $9
  local.get $13
  v128.store offset=48
  local.get $9
  i32.const -64
  i32.sub
  local.tee $0
  local.get $14
  v128.store
  local.get $0
  local.get $15
  v128.store offset=16
  local.get $9
  i32.const 96
  i32.add
  local.get $16
  v128.store
  local.get $9
  local.get $17
  v128.store offset=112
  i32.const 0
  local.set $1
  loop $for-loop|00
   local.get $1
   local.get $6
   i32.lt_s
   if
    local.get $4
    local.get $1
    local.get $5
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $2
    local.get $9
    local.get $1
    i32.const 5
    i32.shl
    i32.add
    local.set $3
    i32.const 0
    local.set $0
    loop $for-loop|1
     local.get $0
     local.get $7
     i32.lt_s
     if
      local.get $3
      local.get $0
      i32.const 2
      i32.shl
      local.tee $18
      i32.add
      f32.load
      local.set $20
      local.get $2
      local.get $18
      i32.add
      local.tee $18
      local.get $8
      if (result f32)
       local.get $18
       f32.load
       local.get $20
       f32.add
      else
       local.get $20
      end
      f32.store
      local.get $0
      i32.const 1
      i32.add
      local.set $0
      br $for-loop|1
     end
    end
    local.get $1
    i32.const 1
    i32.add
    local.set $1
    br $for-loop|00
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/reluSimd (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 f32)
  (local $6 v128)
  loop $for-loop|0
   local.get $3
   i32.const 4
   i32.add
   local.tee $4
   local.get $2
   i32.le_s
   if
    local.get $3
    i32.const 2
    i32.shl
    local.tee $3
    local.get $0
    i32.add
    v128.load
    local.set $6
    local.get $1
    local.get $3
    i32.add
    local.get $6
    local.get $6
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $6
    local.get $6
    f32x4.ne
    v128.or
    v128.and
    v128.store
    local.get $4
    local.set $3
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $2
   local.get $3
   i32.gt_s
   if
    local.get $3
    i32.const 2
    i32.shl
    local.tee $4
    local.get $0
    i32.add
    f32.load
    local.set $5
    local.get $1
    local.get $4
    i32.add
    local.get $5
    f32.const 0
    local.get $5
    local.get $5
    f32.ne
    local.get $5
    f32.const 0
    f32.gt
    i32.or
    select
    f32.store
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/reluBackwardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $3
   i32.le_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    local.get $2
    i32.add
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $0
    local.get $4
    i32.add
    v128.load
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    v128.and
    local.get $1
    local.get $4
    i32.add
    v128.load
    f32x4.mul
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $2
    i32.add
    f32.const 1
    f32.const 0
    local.get $0
    local.get $5
    i32.add
    f32.load
    f32.const 0
    f32.gt
    select
    local.get $1
    local.get $5
    i32.add
    f32.load
    f32.mul
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/relu6Simd (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 v128)
  (local $6 f32)
  loop $for-loop|0
   local.get $3
   i32.const 4
   i32.add
   local.tee $4
   local.get $2
   i32.le_s
   if
    local.get $3
    i32.const 2
    i32.shl
    local.tee $3
    local.get $0
    i32.add
    v128.load
    local.set $5
    local.get $1
    local.get $3
    i32.add
    local.get $5
    local.get $5
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $5
    local.get $5
    f32x4.ne
    v128.or
    v128.and
    v128.const i32x4 0x40c00000 0x40c00000 0x40c00000 0x40c00000
    f32x4.min
    v128.store
    local.get $4
    local.set $3
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $2
   local.get $3
   i32.gt_s
   if
    local.get $3
    i32.const 2
    i32.shl
    local.tee $4
    local.get $0
    i32.add
    f32.load
    local.set $6
    local.get $1
    local.get $4
    i32.add
    local.get $6
    local.get $6
    f32.ne
    local.tee $4
    local.get $6
    f32.const 0
    f32.gt
    i32.or
    if (result f32)
     local.get $6
     f32.const 6
     local.get $4
     local.get $6
     f32.const 6
     f32.lt
     i32.or
     select
    else
     f32.const 0
    end
    f32.store
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/relu6BackwardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 v128)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $3
   i32.le_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    local.get $0
    i32.add
    v128.load
    local.set $7
    local.get $2
    local.get $4
    i32.add
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $7
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.gt
    local.get $7
    v128.const i32x4 0x40c00000 0x40c00000 0x40c00000 0x40c00000
    f32x4.lt
    v128.and
    v128.and
    local.get $1
    local.get $4
    i32.add
    v128.load
    f32x4.mul
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $0
    i32.add
    f32.load
    local.set $6
    local.get $2
    local.get $5
    i32.add
    f32.const 1
    f32.const 0
    local.get $6
    f32.const 6
    f32.lt
    local.get $6
    f32.const 0
    f32.gt
    i32.and
    select
    local.get $1
    local.get $5
    i32.add
    f32.load
    f32.mul
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/hardswishBackwardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 v128)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $3
   i32.le_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    local.get $0
    i32.add
    v128.load
    local.set $7
    local.get $2
    local.get $4
    i32.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.get $7
    v128.const i32x4 0x40400000 0x40400000 0x40400000 0x40400000
    f32x4.div
    v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000
    f32x4.add
    v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
    local.get $7
    v128.const i32x4 0x40400000 0x40400000 0x40400000 0x40400000
    f32x4.lt
    v128.bitselect
    local.get $7
    v128.const i32x4 0xc0400000 0xc0400000 0xc0400000 0xc0400000
    f32x4.lt
    v128.bitselect
    local.get $1
    local.get $4
    i32.add
    v128.load
    f32x4.mul
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $2
    i32.add
    local.get $0
    local.get $5
    i32.add
    f32.load
    local.tee $6
    f32.const -3
    f32.lt
    if (result f32)
     f32.const 0
    else
     local.get $6
     f32.const 3
     f32.lt
     if (result f32)
      local.get $6
      f32.const 3
      f32.div
      f32.const 0.5
      f32.add
     else
      f32.const 1
     end
    end
    local.get $1
    local.get $5
    i32.add
    f32.load
    f32.mul
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/hardsigmoidBackwardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 v128)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $3
   i32.le_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    local.get $0
    i32.add
    v128.load
    local.set $7
    local.get $2
    local.get $4
    i32.add
    v128.const i32x4 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab 0x3e2aaaab
    local.get $7
    v128.const i32x4 0xc0400000 0xc0400000 0xc0400000 0xc0400000
    f32x4.gt
    local.get $7
    v128.const i32x4 0x40400000 0x40400000 0x40400000 0x40400000
    f32x4.lt
    v128.and
    v128.and
    local.get $1
    local.get $4
    i32.add
    v128.load
    f32x4.mul
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $0
    i32.add
    f32.load
    local.set $6
    local.get $2
    local.get $5
    i32.add
    f32.const 0.1666666716337204
    f32.const 0
    local.get $6
    f32.const 3
    f32.lt
    local.get $6
    f32.const -3
    f32.gt
    i32.and
    select
    local.get $1
    local.get $5
    i32.add
    f32.load
    f32.mul
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/hardSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 v128)
  (local $7 v128)
  (local $8 f32)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $2
   i32.le_s
   if
    local.get $0
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    i32.add
    v128.load
    local.tee $6
    v128.const i32x4 0x40400000 0x40400000 0x40400000 0x40400000
    f32x4.add
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    f32x4.max
    v128.const i32x4 0x40c00000 0x40c00000 0x40c00000 0x40c00000
    f32x4.min
    local.set $7
    local.get $1
    local.get $4
    i32.add
    local.get $6
    local.get $7
    f32x4.mul
    local.get $7
    local.get $3
    select
    v128.const i32x4 0x40c00000 0x40c00000 0x40c00000 0x40c00000
    f32x4.div
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $2
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $0
    i32.add
    f32.load
    local.set $8
    local.get $1
    local.get $5
    i32.add
    local.get $3
    if (result f32)
     local.get $8
     local.get $8
     f32.const 3
     f32.add
     f32.const 0
     f32.max
     f32.const 6
     f32.min
     f32.mul
    else
     local.get $8
     f32.const 3
     f32.add
     f32.const 0
     f32.max
     f32.const 6
     f32.min
    end
    f32.const 6
    f32.div
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/elementwise/addSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  loop $for-loop|0
   local.get $4
   i32.const 4
   i32.add
   local.tee $5
   local.get $3
   i32.le_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $4
    local.get $2
    i32.add
    local.get $0
    local.get $4
    i32.add
    v128.load
    local.get $1
    local.get $4
    i32.add
    v128.load
    f32x4.add
    v128.store
    local.get $5
    local.set $4
    br $for-loop|0
   end
  end
  loop $for-loop|1
   local.get $3
   local.get $4
   i32.gt_s
   if
    local.get $4
    i32.const 2
    i32.shl
    local.tee $5
    local.get $2
    i32.add
    local.get $0
    local.get $5
    i32.add
    f32.load
    local.get $1
    local.get $5
    i32.add
    f32.load
    f32.add
    f32.store
    local.get $4
    i32.const 1
    i32.add
    local.set $4
    br $for-loop|1
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/convScratchBytes (param $0 i32) (param $1 i32) (result i32)
  local.get $0
  local.get $1
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  i32.const 1
  i32.shl
  i32.const 1171584
  i32.add
 )
 (func $src/kernels/wasm/assembly/conv/conv2dForwardSample (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 f32)
  (local $7 v128)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 v128)
  local.get $0
  i32.load offset=12
  local.set $9
  local.get $0
  i32.load offset=16
  local.set $10
  local.get $0
  i32.load offset=68
  local.set $11
  local.get $0
  i32.load offset=72
  local.set $12
  local.get $0
  i32.load offset=76
  local.set $4
  local.get $0
  i32.load offset=80
  local.set $13
  local.get $0
  i32.load offset=8
  local.tee $14
  local.get $0
  i32.load offset=56
  local.tee $15
  i32.div_s
  local.set $16
  local.get $0
  i32.load offset=20
  local.tee $5
  local.get $15
  i32.div_s
  local.set $17
  local.get $0
  i32.load offset=24
  i32.const 1
  i32.eq
  if (result i32)
   local.get $0
   i32.load offset=28
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=32
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=36
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=40
  else
   i32.const 1
  end
  if (result i32)
   i32.const 1
  else
   local.get $0
   i32.load offset=44
  end
  i32.eqz
  local.set $18
  local.get $0
  i32.load offset=84
  local.get $2
  local.get $0
  i32.load offset=88
  i32.mul
  i32.add
  local.tee $8
  local.get $0
  i32.load offset=60
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  i32.mul
  local.tee $19
  local.get $16
  local.get $0
  i32.load offset=24
  local.get $0
  i32.load offset=28
  i32.mul
  i32.mul
  local.tee $20
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  local.tee $2
  i32.add
  local.set $21
  local.get $0
  i32.load offset=108
  local.tee $22
  if
   local.get $0
   local.get $11
   local.get $1
   local.get $14
   i32.mul
   local.get $9
   i32.mul
   local.get $10
   i32.mul
   i32.const 2
   i32.shl
   i32.add
   local.get $8
   call $src/kernels/wasm/assembly/conv/directPlanes
   local.get $0
   i32.load offset=92
   i32.const 0
   i32.ne
   local.set $9
   local.get $13
   local.get $1
   local.get $5
   i32.mul
   local.get $19
   i32.mul
   i32.const 2
   i32.shl
   i32.add
   local.set $1
   local.get $0
   i32.load offset=28
   local.tee $2
   local.get $0
   i32.const -64
   i32.sub
   i32.load
   local.tee $10
   i32.add
   i32.const 1
   i32.sub
   local.set $11
   local.get $0
   i32.load offset=60
   local.tee $12
   local.get $10
   i32.mul
   i32.const 2
   i32.shl
   local.set $13
   local.get $22
   local.get $0
   i32.load offset=24
   local.get $14
   i32.mul
   local.get $2
   i32.mul
   local.tee $14
   local.get $5
   i32.const 3
   i32.add
   i32.const 4
   i32.div_s
   i32.const 2
   i32.shl
   i32.mul
   i32.const 2
   i32.shl
   i32.const 63
   i32.add
   i32.const 64
   i32.div_s
   i32.const 6
   i32.shl
   i32.add
   local.set $15
   loop $for-loop|0
    local.get $3
    local.get $5
    i32.lt_s
    if
     local.get $22
     local.get $3
     local.get $14
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $16
     i32.const 4
     local.get $5
     local.get $3
     i32.sub
     local.tee $0
     local.get $0
     i32.const 4
     i32.gt_s
     select
     local.set $17
     local.get $1
     local.get $3
     local.get $13
     i32.mul
     i32.add
     local.set $18
     local.get $4
     local.get $3
     i32.const 2
     i32.shl
     i32.add
     local.set $19
     i32.const 0
     local.set $0
     loop $for-loop|1
      local.get $0
      local.get $12
      i32.lt_s
      if
       local.get $8
       local.get $0
       local.get $11
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.set $20
       local.get $18
       local.get $0
       local.get $10
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.set $21
       i32.const 0
       local.set $2
       loop $for-loop|2
        local.get $2
        i32.const 4
        i32.add
        local.get $10
        i32.lt_s
        if
         local.get $14
         local.get $16
         local.get $2
         i32.const 2
         i32.shl
         local.tee $23
         local.get $20
         i32.add
         local.get $15
         local.get $21
         local.get $23
         i32.add
         local.get $13
         local.get $17
         i32.const 8
         local.get $10
         local.get $2
         i32.sub
         local.tee $23
         local.get $23
         i32.const 8
         i32.gt_s
         select
         local.get $19
         local.get $4
         i32.const 0
         i32.ne
         local.get $9
         call $src/kernels/wasm/assembly/conv-direct/directTile
         local.get $2
         i32.const 8
         i32.add
         local.set $2
         br $for-loop|2
        end
       end
       local.get $2
       local.get $10
       i32.lt_s
       if
        local.get $14
        local.get $16
        local.get $2
        i32.const 2
        i32.shl
        local.tee $23
        local.get $20
        i32.add
        local.get $15
        local.get $21
        local.get $23
        i32.add
        local.get $13
        local.get $17
        local.get $10
        local.get $2
        i32.sub
        local.get $19
        local.get $4
        i32.const 0
        i32.ne
        local.get $9
        call $src/kernels/wasm/assembly/conv-direct/directTile4
       end
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|1
      end
     end
     local.get $3
     i32.const 4
     i32.add
     local.set $3
     br $for-loop|0
    end
   end
   return
  end
  local.get $2
  local.get $21
  i32.add
  local.set $22
  loop $for-loop|00
   local.get $3
   local.get $15
   i32.lt_s
   if
    local.get $11
    local.get $1
    local.get $14
    i32.mul
    local.get $3
    local.get $16
    i32.mul
    i32.add
    local.get $9
    i32.mul
    local.get $10
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $23
    local.get $13
    local.get $3
    local.get $17
    i32.mul
    local.tee $24
    local.get $1
    local.get $5
    i32.mul
    i32.add
    local.get $19
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $2
    local.get $18
    i32.eqz
    if
     local.get $0
     local.get $23
     local.get $16
     local.get $8
     local.get $21
     call $src/kernels/wasm/assembly/conv/im2colSample
    end
    i32.const 0
    i32.const 0
    local.get $17
    local.get $19
    local.get $20
    local.get $12
    local.get $20
    local.get $24
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.get $20
    local.get $23
    local.get $8
    local.get $18
    select
    local.get $19
    local.get $2
    local.get $19
    i32.const 0
    local.get $22
    i32.const 0
    i32.const 0
    i32.const 0
    call $src/kernels/wasm/assembly/gemm/gemm
    local.get $3
    i32.const 1
    i32.add
    local.set $3
    br $for-loop|00
   end
  end
  local.get $13
  local.get $1
  local.get $5
  i32.mul
  local.get $19
  i32.mul
  i32.const 2
  i32.shl
  i32.add
  local.set $3
  local.get $0
  i32.load offset=92
  i32.const 0
  i32.ne
  local.tee $0
  i32.const 0
  local.get $4
  select
  if
   i32.const 0
   local.set $2
   loop $for-loop|001
    local.get $2
    local.get $5
    i32.lt_s
    if
     local.get $4
     local.get $2
     i32.const 2
     i32.shl
     i32.add
     f32.load
     f32x4.splat
     local.set $7
     local.get $3
     local.get $2
     local.get $19
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $8
     i32.const 0
     local.set $0
     loop $for-loop|12
      local.get $0
      i32.const 4
      i32.add
      local.tee $1
      local.get $19
      i32.le_s
      if
       local.get $8
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       local.tee $0
       v128.load
       local.get $7
       f32x4.add
       local.set $25
       local.get $0
       local.get $25
       local.get $25
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       local.get $25
       local.get $25
       f32x4.ne
       v128.or
       v128.and
       v128.store
       local.get $1
       local.set $0
       br $for-loop|12
      end
     end
     loop $for-loop|23
      local.get $0
      local.get $19
      i32.lt_s
      if
       local.get $8
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       local.tee $1
       f32.load
       local.get $4
       local.get $2
       i32.const 2
       i32.shl
       i32.add
       f32.load
       f32.add
       local.set $6
       local.get $1
       local.get $6
       f32.const 0
       local.get $6
       local.get $6
       f32.ne
       local.get $6
       f32.const 0
       f32.gt
       i32.or
       select
       f32.store
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|23
      end
     end
     local.get $2
     i32.const 1
     i32.add
     local.set $2
     br $for-loop|001
    end
   end
  else
   local.get $4
   if
    i32.const 0
    local.set $2
    loop $for-loop|01
     local.get $2
     local.get $5
     i32.lt_s
     if
      local.get $4
      local.get $2
      i32.const 2
      i32.shl
      i32.add
      f32.load
      f32x4.splat
      local.set $7
      local.get $3
      local.get $2
      local.get $19
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $8
      i32.const 0
      local.set $0
      loop $for-loop|124
       local.get $0
       i32.const 4
       i32.add
       local.tee $1
       local.get $19
       i32.le_s
       if
        local.get $8
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        local.tee $0
        local.get $0
        v128.load
        local.get $7
        f32x4.add
        v128.store
        local.get $1
        local.set $0
        br $for-loop|124
       end
      end
      loop $for-loop|235
       local.get $0
       local.get $19
       i32.lt_s
       if
        local.get $8
        local.get $0
        i32.const 2
        i32.shl
        i32.add
        local.tee $1
        local.get $1
        f32.load
        local.get $4
        local.get $2
        i32.const 2
        i32.shl
        i32.add
        f32.load
        f32.add
        f32.store
        local.get $0
        i32.const 1
        i32.add
        local.set $0
        br $for-loop|235
       end
      end
      local.get $2
      i32.const 1
      i32.add
      local.set $2
      br $for-loop|01
     end
    end
   else
    local.get $0
    if
     local.get $5
     local.get $19
     i32.mul
     local.set $1
     i32.const 0
     local.set $2
     loop $for-loop|02
      local.get $2
      i32.const 4
      i32.add
      local.tee $0
      local.get $1
      i32.le_s
      if
       local.get $2
       i32.const 2
       i32.shl
       local.tee $2
       local.get $3
       i32.add
       v128.load
       local.set $7
       local.get $2
       local.get $3
       i32.add
       local.get $7
       local.get $7
       v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
       f32x4.gt
       local.get $7
       local.get $7
       f32x4.ne
       v128.or
       v128.and
       v128.store
       local.get $0
       local.set $2
       br $for-loop|02
      end
     end
     loop $for-loop|13
      local.get $1
      local.get $2
      i32.gt_s
      if
       local.get $2
       i32.const 2
       i32.shl
       local.tee $0
       local.get $3
       i32.add
       f32.load
       local.set $6
       local.get $0
       local.get $3
       i32.add
       local.get $6
       f32.const 0
       local.get $6
       local.get $6
       f32.ne
       local.get $6
       f32.const 0
       f32.gt
       i32.or
       select
       f32.store
       local.get $2
       i32.const 1
       i32.add
       local.set $2
       br $for-loop|13
      end
     end
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/conv2dBackwardSample (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 v128)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 f64)
  (local $28 v128)
  (local $29 i32)
  (local $30 i32)
  (local $31 i32)
  (local $32 i32)
  (local $33 i32)
  (local $34 i32)
  (local $35 v128)
  (local $36 i32)
  (local $37 i32)
  (local $38 i32)
  (local $39 i32)
  (local $40 i32)
  (local $41 i32)
  local.get $0
  i32.load offset=8
  local.set $37
  local.get $0
  i32.load offset=12
  local.set $34
  local.get $0
  i32.load offset=16
  local.set $33
  local.get $0
  i32.load offset=20
  local.set $39
  local.get $0
  i32.load offset=56
  local.set $30
  local.get $0
  i32.load offset=24
  local.get $0
  i32.load offset=28
  i32.mul
  local.get $0
  i32.load offset=60
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  i32.mul
  local.set $40
  local.get $0
  i32.load offset=68
  local.set $24
  local.get $0
  i32.load offset=72
  local.set $23
  local.get $0
  i32.load offset=76
  local.set $9
  local.get $4
  if (result i32)
   local.get $0
   i32.load offset=88
  else
   i32.const 0
  end
  local.set $32
  local.get $0
  i32.load offset=92
  local.get $2
  local.get $0
  i32.load offset=96
  i32.mul
  i32.add
  local.set $6
  local.get $0
  i32.load offset=100
  local.set $26
  local.get $39
  local.get $30
  i32.div_s
  local.set $36
  local.get $0
  i32.load offset=24
  i32.const 1
  i32.eq
  if (result i32)
   local.get $0
   i32.load offset=28
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=32
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=36
   i32.const 1
   i32.eq
  else
   i32.const 0
  end
  if (result i32)
   local.get $0
   i32.load offset=40
  else
   i32.const 1
  end
  if (result i32)
   i32.const 1
  else
   local.get $0
   i32.load offset=44
  end
  i32.eqz
  local.set $29
  local.get $37
  local.get $30
  i32.div_s
  local.tee $31
  i32.mul
  local.tee $38
  local.get $40
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const -64
  i32.and
  local.set $12
  local.get $0
  i32.load offset=124
  local.set $4
  local.get $0
  i32.load offset=132
  local.set $25
  local.get $0
  i32.load offset=120
  local.tee $2
  i32.const 0
  i32.ne
  local.tee $5
  i32.eqz
  if
   local.get $4
   i32.const 0
   i32.ne
   local.set $5
  end
  local.get $5
  if (result i32)
   local.get $6
  else
   local.get $9
   local.get $1
   local.get $39
   i32.mul
   local.get $40
   i32.mul
   i32.const 2
   i32.shl
   i32.add
  end
  local.set $7
  local.get $2
  if
   local.get $2
   local.get $1
   local.get $39
   i32.mul
   local.get $1
   i32.const 1
   i32.add
   local.get $39
   i32.mul
   local.get $7
   call $src/kernels/wasm/assembly/pool/maxPool2dBackwardPlanes
  else
   local.get $4
   if
    local.get $1
    local.get $39
    i32.mul
    local.get $40
    i32.mul
    i32.const 2
    i32.shl
    local.tee $2
    local.get $4
    i32.add
    local.set $11
    local.get $2
    local.get $9
    i32.add
    local.set $10
    local.get $39
    local.get $40
    i32.mul
    local.set $9
    i32.const 0
    local.set $4
    loop $for-loop|0
     local.get $4
     i32.const 4
     i32.add
     local.tee $2
     local.get $9
     i32.le_s
     if
      local.get $4
      i32.const 2
      i32.shl
      local.tee $4
      local.get $7
      i32.add
      v128.const i32x4 0x3f800000 0x3f800000 0x3f800000 0x3f800000
      local.get $4
      local.get $11
      i32.add
      v128.load
      v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
      f32x4.gt
      v128.and
      local.get $4
      local.get $10
      i32.add
      v128.load
      f32x4.mul
      v128.store
      local.get $2
      local.set $4
      br $for-loop|0
     end
    end
    loop $for-loop|1
     local.get $4
     local.get $9
     i32.lt_s
     if
      local.get $4
      i32.const 2
      i32.shl
      local.tee $2
      local.get $7
      i32.add
      f32.const 1
      f32.const 0
      local.get $2
      local.get $11
      i32.add
      f32.load
      f32.const 0
      f32.gt
      select
      local.get $2
      local.get $10
      i32.add
      f32.load
      f32.mul
      f32.store
      local.get $4
      i32.const 1
      i32.add
      local.set $4
      br $for-loop|1
     end
    end
   end
  end
  local.get $12
  local.get $12
  local.get $5
  if (result i32)
   local.get $39
   local.get $40
   i32.mul
   i32.const 2
   i32.shl
   i32.const 63
   i32.add
   i32.const -64
   i32.and
  else
   i32.const 0
  end
  local.get $6
  i32.add
  local.tee $13
  i32.add
  local.tee $19
  i32.add
  local.set $18
  local.get $32
  if
   local.get $32
   local.get $1
   local.get $37
   i32.mul
   local.get $34
   i32.mul
   local.get $33
   i32.mul
   i32.const 2
   i32.shl
   i32.add
   i32.const 0
   local.get $34
   local.get $37
   i32.mul
   local.get $33
   i32.mul
   i32.const 2
   i32.shl
   memory.fill
  end
  loop $for-loop|00
   local.get $30
   local.get $41
   i32.gt_s
   if
    local.get $24
    local.get $1
    local.get $37
    i32.mul
    local.get $31
    local.get $41
    i32.mul
    i32.add
    local.get $34
    i32.mul
    local.get $33
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $2
    local.get $7
    local.get $36
    local.get $41
    i32.mul
    local.tee $17
    local.get $40
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $16
    local.get $25
    i32.const 0
    local.get $3
    select
    if
     local.get $0
     local.get $2
     local.get $18
     i32.const 1171584
     i32.add
     local.tee $12
     call $src/kernels/wasm/assembly/conv/directPlanes
     local.get $0
     i32.load offset=28
     local.tee $2
     local.get $0
     i32.load offset=24
     local.get $37
     i32.mul
     i32.mul
     local.set $15
     local.get $2
     local.get $0
     i32.const -64
     i32.sub
     i32.load
     local.tee $11
     i32.add
     i32.const 1
     i32.sub
     local.set $10
     local.get $0
     i32.load offset=60
     local.tee $9
     local.get $11
     i32.mul
     local.set $6
     local.get $25
     local.get $15
     local.get $39
     i32.const 3
     i32.add
     i32.const 4
     i32.div_s
     i32.const 2
     i32.shl
     i32.mul
     i32.const 2
     i32.shl
     i32.const 63
     i32.add
     i32.const 64
     i32.div_s
     i32.const 6
     i32.shl
     i32.add
     local.set $22
     i32.const 0
     local.set $4
     loop $for-loop|001
      local.get $4
      local.get $39
      i32.lt_s
      if
       local.get $16
       local.get $4
       local.get $6
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.tee $14
       local.get $6
       i32.const 2
       i32.shl
       i32.add
       local.get $14
       local.get $4
       i32.const 1
       i32.add
       local.get $39
       i32.lt_s
       select
       local.set $21
       local.get $14
       local.get $6
       i32.const 3
       i32.shl
       i32.add
       local.get $14
       local.get $4
       i32.const 2
       i32.add
       local.get $39
       i32.lt_s
       select
       local.set $20
       i32.const 0
       local.set $2
       loop $for-loop|12
        local.get $2
        local.get $15
        i32.lt_s
        if
         local.get $12
         local.get $22
         local.get $2
         i32.const 2
         i32.shl
         i32.add
         local.get $14
         local.get $21
         local.get $20
         local.get $9
         local.get $11
         local.get $10
         local.get $3
         local.get $4
         local.get $15
         i32.mul
         local.get $2
         i32.add
         i32.const 2
         i32.shl
         i32.add
         local.get $15
         i32.const 2
         local.get $39
         local.get $4
         i32.sub
         local.tee $5
         local.get $5
         i32.const 2
         i32.gt_s
         select
         i32.const 3
         local.get $15
         local.get $2
         i32.sub
         local.tee $5
         local.get $5
         i32.const 3
         i32.gt_s
         select
         call $src/kernels/wasm/assembly/conv-direct/directGradientTile
         local.get $2
         i32.const 3
         i32.add
         local.set $2
         br $for-loop|12
        end
       end
       local.get $4
       i32.const 2
       i32.add
       local.set $4
       br $for-loop|001
      end
     end
    else
     local.get $3
     if
      local.get $29
      i32.eqz
      if
       local.get $0
       local.get $2
       local.get $31
       local.get $13
       local.get $19
       call $src/kernels/wasm/assembly/conv/im2colSample
      end
      i32.const 0
      i32.const 1
      local.get $36
      local.get $38
      local.get $40
      local.get $16
      local.get $40
      local.get $2
      local.get $13
      local.get $29
      select
      local.get $40
      local.get $3
      local.get $36
      local.get $41
      i32.mul
      local.get $38
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.get $38
      i32.const 1
      local.get $18
      i32.const 0
      i32.const 0
      i32.const 0
      call $src/kernels/wasm/assembly/gemm/gemm
     end
    end
    local.get $32
    if
     local.get $23
     local.get $17
     local.get $38
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $4
     local.get $32
     local.get $1
     local.get $37
     i32.mul
     local.get $31
     local.get $41
     i32.mul
     i32.add
     local.get $34
     i32.mul
     local.get $33
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $2
     local.get $29
     if
      i32.const 1
      i32.const 0
      local.get $38
      local.get $40
      local.get $36
      local.get $4
      local.get $38
      local.get $16
      local.get $40
      local.get $2
      local.get $40
      i32.const 1
      local.get $18
      i32.const 0
      i32.const 0
      i32.const 0
      call $src/kernels/wasm/assembly/gemm/gemm
     else
      i32.const 1
      i32.const 0
      local.get $38
      local.get $40
      local.get $36
      local.get $4
      local.get $38
      local.get $16
      local.get $40
      local.get $19
      local.get $40
      i32.const 0
      local.get $18
      i32.const 0
      i32.const 0
      i32.const 0
      call $src/kernels/wasm/assembly/gemm/gemm
      local.get $0
      local.get $19
      local.get $31
      local.get $2
      call $src/kernels/wasm/assembly/conv/col2imSample
     end
    end
    local.get $41
    i32.const 1
    i32.add
    local.set $41
    br $for-loop|00
   end
  end
  local.get $26
  if
   i32.const 0
   local.set $3
   loop $for-loop|11
    local.get $3
    local.get $39
    i32.lt_s
    if
     local.get $7
     local.get $3
     local.get $40
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $4
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.set $35
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     local.set $28
     i32.const 0
     local.set $0
     loop $for-loop|002
      local.get $0
      i32.const 4
      i32.add
      local.tee $2
      local.get $40
      i32.le_s
      if
       local.get $35
       local.get $4
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       v128.load
       local.tee $8
       f64x2.promote_low_f32x4
       f64x2.add
       local.set $35
       local.get $28
       local.get $8
       local.get $8
       i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
       f64x2.promote_low_f32x4
       f64x2.add
       local.set $28
       local.get $2
       local.set $0
       br $for-loop|002
      end
     end
     local.get $35
     local.get $28
     f64x2.add
     local.tee $8
     f64x2.extract_lane 0
     local.get $8
     f64x2.extract_lane 1
     f64.add
     local.set $27
     loop $for-loop|113
      local.get $0
      local.get $40
      i32.lt_s
      if
       local.get $27
       local.get $4
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       f32.load
       f64.promote_f32
       f64.add
       local.set $27
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|113
      end
     end
     local.get $26
     local.get $1
     local.get $39
     i32.mul
     local.get $3
     i32.add
     i32.const 3
     i32.shl
     i32.add
     local.get $27
     f64.store
     local.get $3
     i32.const 1
     i32.add
     local.set $3
     br $for-loop|11
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/conv2dBackwardPiece (param $0 i32) (param $1 i32) (param $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  local.get $0
  i32.load offset=4
  local.set $5
  local.get $0
  i32.load offset=104
  local.set $11
  local.get $0
  i32.load offset=28
  local.get $0
  i32.load offset=24
  local.get $0
  i32.load offset=20
  local.get $0
  i32.load offset=8
  local.get $0
  i32.load offset=56
  i32.div_s
  i32.mul
  i32.mul
  i32.mul
  local.set $6
  local.get $1
  i32.const 0
  i32.gt_s
  i32.const 0
  local.get $0
  i32.load offset=80
  if (result i32)
   local.get $1
   if (result i32)
    local.get $0
    i32.load offset=84
    local.get $1
    i32.const 1
    i32.sub
    local.get $6
    i32.mul
    i32.const 2
    i32.shl
    i32.add
   else
    local.get $0
    i32.load offset=80
   end
  else
   i32.const 0
  end
  local.tee $10
  select
  if
   loop $for-loop|0
    local.get $3
    i32.const 4
    i32.add
    local.tee $4
    local.get $6
    i32.le_s
    if
     local.get $10
     local.get $3
     i32.const 2
     i32.shl
     i32.add
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     v128.store
     local.get $4
     local.set $3
     br $for-loop|0
    end
   end
   loop $for-loop|1
    local.get $3
    local.get $6
    i32.lt_s
    if
     local.get $10
     local.get $3
     i32.const 2
     i32.shl
     i32.add
     f32.const 0
     f32.store
     local.get $3
     i32.const 1
     i32.add
     local.set $3
     br $for-loop|1
    end
   end
  end
  local.get $5
  local.get $1
  i32.const 1
  i32.add
  local.get $11
  i32.mul
  local.tee $3
  local.get $3
  local.get $5
  i32.gt_s
  select
  local.set $12
  local.get $0
  i32.load offset=88
  local.set $7
  local.get $0
  i32.load offset=108
  local.tee $6
  i32.const 0
  i32.ne
  local.tee $3
  if
   local.get $7
   i32.const 0
   i32.ne
   local.set $3
  end
  local.get $0
  i32.load offset=116
  i32.const 0
  i32.ne
  local.tee $4
  if
   local.get $10
   i32.const 0
   i32.ne
   local.set $4
  end
  local.get $1
  local.get $11
  i32.mul
  local.set $5
  loop $for-loop|2
   local.get $5
   local.get $12
   i32.lt_s
   if
    local.get $0
    local.get $5
    local.get $2
    i32.const 0
    local.get $10
    local.get $4
    select
    local.get $3
    i32.eqz
    call $src/kernels/wasm/assembly/conv/conv2dBackwardSample
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|2
   end
  end
  local.get $3
  local.get $4
  i32.or
  i32.eqz
  if
   return
  end
  local.get $0
  i32.load offset=8
  local.set $20
  local.get $0
  i32.load offset=12
  local.set $17
  local.get $0
  i32.load offset=16
  local.set $16
  local.get $0
  i32.load offset=20
  local.set $19
  local.get $0
  i32.load offset=60
  local.set $15
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  local.set $14
  local.get $0
  i32.load offset=112
  local.set $21
  local.get $0
  i32.load offset=128
  local.set $13
  local.get $0
  i32.load offset=40
  local.set $9
  local.get $0
  i32.load offset=44
  local.set $8
  local.get $0
  i32.load offset=92
  local.get $2
  local.get $0
  i32.load offset=96
  i32.mul
  i32.add
  local.set $18
  local.get $0
  i32.load offset=68
  local.set $5
  local.get $0
  i32.load offset=76
  local.set $22
  local.get $4
  if
   local.get $20
   local.get $19
   local.get $15
   local.get $14
   local.get $21
   local.get $13
   call $src/kernels/wasm/assembly/winograd/winogradGradWorkBytes
   local.get $18
   i32.add
   local.set $4
   local.get $13
   i32.const 3
   i32.eq
   if (result i32)
    i32.const 25
   else
    local.get $13
    i32.const 2
    i32.add
    local.tee $0
    local.get $0
    i32.mul
   end
   local.get $19
   i32.mul
   local.get $20
   i32.mul
   local.set $23
   i32.const 0
   local.set $0
   loop $for-loop|3
    local.get $0
    i32.const 4
    i32.add
    local.tee $2
    local.get $23
    i32.le_s
    if
     local.get $18
     local.get $0
     i32.const 2
     i32.shl
     i32.add
     v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
     v128.store
     local.get $2
     local.set $0
     br $for-loop|3
    end
   end
   loop $for-loop|4
    local.get $0
    local.get $23
    i32.lt_s
    if
     local.get $18
     local.get $0
     i32.const 2
     i32.shl
     i32.add
     f32.const 0
     f32.store
     local.get $0
     i32.const 1
     i32.add
     local.set $0
     br $for-loop|4
    end
   end
   local.get $1
   local.get $11
   i32.mul
   local.set $0
   loop $for-loop|5
    local.get $0
    local.get $12
    i32.lt_s
    if
     local.get $5
     local.get $0
     local.get $20
     i32.mul
     local.get $17
     i32.mul
     local.get $16
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $22
     local.get $0
     local.get $19
     i32.mul
     local.get $15
     i32.mul
     local.get $14
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $21
     local.get $12
     local.get $0
     i32.sub
     local.tee $2
     local.get $2
     local.get $21
     i32.gt_s
     select
     local.get $20
     local.get $17
     local.get $16
     local.get $9
     local.get $8
     local.get $15
     local.get $14
     local.get $19
     local.get $18
     local.get $4
     local.get $13
     call $src/kernels/wasm/assembly/winograd/winogradWeightGradient
     local.get $0
     local.get $21
     i32.add
     local.set $0
     br $for-loop|5
    end
   end
   local.get $18
   local.get $10
   local.get $19
   local.get $20
   local.get $13
   call $src/kernels/wasm/assembly/winograd/winogradAddWeightGradient
  end
  local.get $13
  i32.const 3
  i32.eq
  i32.const 0
  local.get $3
  select
  if
   local.get $20
   local.get $19
   local.get $17
   local.get $16
   local.get $15
   local.get $14
   local.get $9
   local.get $8
   local.get $21
   call $src/kernels/wasm/assembly/winograd/winogradInputGradientWorkBytes
   local.get $18
   i32.add
   local.set $2
   local.get $1
   local.get $11
   i32.mul
   local.set $0
   loop $for-loop|6
    local.get $0
    local.get $12
    i32.lt_s
    if
     local.get $22
     local.get $0
     local.get $19
     i32.mul
     local.get $15
     i32.mul
     local.get $14
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $21
     local.get $12
     local.get $0
     i32.sub
     local.tee $1
     local.get $1
     local.get $21
     i32.gt_s
     select
     local.get $19
     local.get $15
     local.get $14
     local.get $20
     local.get $17
     local.get $16
     local.get $9
     local.get $8
     local.get $6
     local.get $7
     local.get $0
     local.get $20
     i32.mul
     local.get $17
     i32.mul
     local.get $16
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $18
     local.get $2
     call $src/kernels/wasm/assembly/winograd/winogradInputGradientS2
     local.get $0
     local.get $21
     i32.add
     local.set $0
     br $for-loop|6
    end
   end
  else
   local.get $3
   if
    local.get $19
    local.get $20
    local.get $17
    local.get $16
    local.get $21
    local.get $13
    call $src/kernels/wasm/assembly/winograd/winogradWorkBytes
    local.get $18
    i32.add
    local.set $2
    local.get $1
    local.get $11
    i32.mul
    local.set $0
    loop $for-loop|7
     local.get $0
     local.get $12
     i32.lt_s
     if
      local.get $22
      local.get $0
      local.get $19
      i32.mul
      local.get $15
      i32.mul
      local.get $14
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.get $21
      local.get $12
      local.get $0
      i32.sub
      local.tee $1
      local.get $1
      local.get $21
      i32.gt_s
      select
      local.get $19
      local.get $15
      local.get $14
      i32.const 2
      local.get $9
      i32.sub
      i32.const 2
      local.get $8
      i32.sub
      local.get $17
      local.get $16
      local.get $6
      local.get $20
      i32.const 0
      i32.const 0
      local.get $7
      local.get $0
      local.get $20
      i32.mul
      local.get $17
      i32.mul
      local.get $16
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.get $18
      local.get $2
      local.get $13
      call $src/kernels/wasm/assembly/winograd/winogradSamples
      local.get $0
      local.get $21
      i32.add
      local.set $0
      br $for-loop|7
     end
    end
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/col2imSample (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i32)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 i32)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 i32)
  local.get $0
  i32.load offset=12
  local.set $25
  local.get $0
  i32.load offset=16
  local.set $24
  local.get $0
  i32.load offset=24
  local.set $15
  local.get $0
  i32.load offset=28
  local.set $14
  local.get $0
  i32.load offset=32
  local.set $29
  local.get $0
  i32.load offset=36
  local.set $30
  local.get $0
  i32.load offset=40
  local.set $13
  local.get $0
  i32.load offset=44
  local.set $12
  local.get $0
  i32.load offset=48
  local.set $11
  local.get $0
  i32.load offset=52
  local.set $10
  local.get $0
  i32.load offset=60
  local.set $26
  local.get $0
  i32.const -64
  i32.sub
  i32.load
  local.tee $23
  i32.const 2
  i32.shl
  local.set $19
  local.get $1
  local.set $6
  loop $for-loop|0
   local.get $2
   local.get $20
   i32.gt_s
   if
    i32.const 0
    local.set $22
    loop $for-loop|1
     local.get $15
     local.get $22
     i32.gt_s
     if
      local.get $11
      local.get $22
      i32.mul
      local.get $13
      i32.sub
      local.tee $28
      i32.const 0
      i32.ge_s
      if (result i32)
       i32.const 0
      else
       local.get $26
       local.get $29
       i32.const 1
       i32.eq
       if (result i32)
        i32.const 0
        local.get $28
        i32.sub
       else
        local.get $29
        local.get $28
        i32.sub
        i32.const 1
        i32.sub
        local.get $29
        i32.div_s
       end
       local.tee $0
       local.get $0
       local.get $26
       i32.gt_s
       select
      end
      local.tee $4
      local.get $25
      local.get $28
      i32.le_s
      if (result i32)
       i32.const 0
      else
       local.get $26
       local.get $29
       i32.const 1
       i32.eq
       if (result i32)
        local.get $25
        local.get $28
        i32.sub
       else
        local.get $25
        local.get $28
        i32.sub
        local.get $29
        i32.add
        i32.const 1
        i32.sub
        local.get $29
        i32.div_s
       end
       local.tee $0
       local.get $0
       local.get $26
       i32.gt_s
       select
      end
      local.tee $0
      local.get $0
      local.get $4
      i32.lt_s
      select
      local.set $9
      i32.const 0
      local.set $21
      loop $for-loop|2
       local.get $14
       local.get $21
       i32.gt_s
       if
        local.get $10
        local.get $21
        i32.mul
        local.get $12
        i32.sub
        local.tee $27
        i32.const 0
        i32.ge_s
        if (result i32)
         i32.const 0
        else
         local.get $23
         local.get $30
         i32.const 1
         i32.eq
         if (result i32)
          i32.const 0
          local.get $27
          i32.sub
         else
          local.get $30
          local.get $27
          i32.sub
          i32.const 1
          i32.sub
          local.get $30
          i32.div_s
         end
         local.tee $0
         local.get $0
         local.get $23
         i32.gt_s
         select
        end
        local.tee $5
        local.get $24
        local.get $27
        i32.le_s
        if (result i32)
         i32.const 0
        else
         local.get $23
         local.get $30
         i32.const 1
         i32.eq
         if (result i32)
          local.get $24
          local.get $27
          i32.sub
         else
          local.get $24
          local.get $27
          i32.sub
          local.get $30
          i32.add
          i32.const 1
          i32.sub
          local.get $30
          i32.div_s
         end
         local.tee $0
         local.get $0
         local.get $23
         i32.gt_s
         select
        end
        local.tee $0
        local.get $0
        local.get $5
        i32.lt_s
        select
        local.set $18
        local.get $4
        local.set $7
        loop $for-loop|3
         local.get $7
         local.get $9
         i32.lt_s
         if
          local.get $6
          local.get $7
          local.get $19
          i32.mul
          i32.add
          local.set $17
          local.get $3
          local.get $20
          local.get $25
          i32.mul
          local.get $7
          local.get $29
          i32.mul
          i32.add
          local.get $28
          i32.add
          local.get $24
          i32.mul
          local.get $27
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set $16
          local.get $5
          local.set $1
          local.get $30
          i32.const 1
          i32.eq
          if
           loop $for-loop|4
            local.get $1
            i32.const 4
            i32.add
            local.tee $0
            local.get $18
            i32.le_s
            if
             local.get $1
             i32.const 2
             i32.shl
             local.tee $8
             local.get $16
             i32.add
             local.tee $1
             local.get $1
             v128.load
             local.get $8
             local.get $17
             i32.add
             v128.load
             f32x4.add
             v128.store
             local.get $0
             local.set $1
             br $for-loop|4
            end
           end
          end
          loop $for-loop|5
           local.get $1
           local.get $18
           i32.lt_s
           if
            local.get $16
            local.get $1
            local.get $30
            i32.mul
            i32.const 2
            i32.shl
            i32.add
            local.tee $0
            local.get $0
            f32.load
            local.get $17
            local.get $1
            i32.const 2
            i32.shl
            i32.add
            f32.load
            f32.add
            f32.store
            local.get $1
            i32.const 1
            i32.add
            local.set $1
            br $for-loop|5
           end
          end
          local.get $7
          i32.const 1
          i32.add
          local.set $7
          br $for-loop|3
         end
        end
        local.get $6
        local.get $19
        local.get $26
        i32.mul
        i32.add
        local.set $6
        local.get $21
        i32.const 1
        i32.add
        local.set $21
        br $for-loop|2
       end
      end
      local.get $22
      i32.const 1
      i32.add
      local.set $22
      br $for-loop|1
     end
    end
    local.get $20
    i32.const 1
    i32.add
    local.set $20
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv/addPartials (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32)
  (local $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  loop $for-loop|0
   local.get $2
   local.get $7
   i32.gt_s
   if
    local.get $1
    local.get $3
    local.get $7
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $6
    i32.const 0
    local.set $4
    loop $for-loop|1
     local.get $4
     i32.const 4
     i32.add
     local.tee $5
     local.get $3
     i32.le_s
     if
      local.get $4
      i32.const 2
      i32.shl
      local.tee $4
      local.get $0
      i32.add
      local.tee $8
      local.get $8
      v128.load
      local.get $4
      local.get $6
      i32.add
      v128.load
      f32x4.add
      v128.store
      local.get $5
      local.set $4
      br $for-loop|1
     end
    end
    loop $for-loop|2
     local.get $3
     local.get $4
     i32.gt_s
     if
      local.get $4
      i32.const 2
      i32.shl
      local.tee $5
      local.get $0
      i32.add
      local.tee $8
      local.get $8
      f32.load
      local.get $5
      local.get $6
      i32.add
      f32.load
      f32.add
      f32.store
      local.get $4
      i32.const 1
      i32.add
      local.set $4
      br $for-loop|2
     end
    end
    local.get $7
    i32.const 1
    i32.add
    local.set $7
    br $for-loop|0
   end
  end
 )
 (func $src/kernels/wasm/assembly/conv-direct/convDirectTableBytes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (result i32)
  local.get $1
  local.get $2
  i32.mul
  local.get $3
  i32.mul
  local.tee $1
  local.get $0
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const 64
  i32.div_s
  i32.const 6
  i32.shl
  local.get $1
  i32.const 2
  i32.add
  i32.const 3
  i32.div_s
  i32.const 12
  i32.mul
  i32.const 63
  i32.add
  i32.const 64
  i32.div_s
  i32.const 6
  i32.shl
  i32.add
 )
 (func $src/kernels/wasm/assembly/conv-direct/convDirectScratchBytes (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (result i32)
  local.get $2
  local.get $4
  i32.add
  i32.const 1
  i32.sub
  local.get $0
  local.get $1
  local.get $3
  i32.add
  i32.const 1
  i32.sub
  i32.mul
  i32.mul
  local.get $4
  i32.add
  i32.const 23
  i32.add
  i32.const 16
  i32.div_s
  i32.const 6
  i32.shl
  i32.const 63
  i32.add
  i32.const 64
  i32.div_s
  i32.const 6
  i32.shl
 )
 (func $src/kernels/wasm/assembly/conv-direct/convDirectPrepare (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  local.get $2
  local.get $3
  i32.mul
  local.get $4
  i32.mul
  local.set $9
  local.get $3
  local.get $5
  i32.add
  i32.const 1
  i32.sub
  local.set $11
  local.get $4
  local.get $6
  i32.add
  i32.const 1
  i32.sub
  local.set $12
  local.get $1
  i32.const 3
  i32.add
  i32.const 4
  i32.div_s
  i32.const 2
  i32.shl
  local.set $10
  i32.const 0
  local.set $5
  loop $for-loop|0
   local.get $5
   local.get $10
   i32.lt_s
   if
    local.get $7
    local.get $5
    local.get $9
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $13
    i32.const 0
    local.set $6
    loop $for-loop|1
     local.get $6
     local.get $9
     i32.lt_s
     if
      i32.const 0
      local.set $8
      loop $for-loop|2
       local.get $8
       i32.const 4
       i32.lt_s
       if
        local.get $13
        local.get $6
        i32.const 2
        i32.shl
        local.get $8
        i32.add
        i32.const 2
        i32.shl
        i32.add
        local.get $5
        local.get $8
        i32.add
        local.tee $14
        local.get $1
        i32.lt_s
        if (result f32)
         local.get $0
         local.get $9
         local.get $14
         i32.mul
         local.get $6
         i32.add
         i32.const 2
         i32.shl
         i32.add
         f32.load
        else
         f32.const 0
        end
        f32.store
        local.get $8
        i32.const 1
        i32.add
        local.set $8
        br $for-loop|2
       end
      end
      local.get $6
      i32.const 1
      i32.add
      local.set $6
      br $for-loop|1
     end
    end
    local.get $5
    i32.const 4
    i32.add
    local.set $5
    br $for-loop|0
   end
  end
  local.get $7
  local.get $9
  local.get $10
  i32.mul
  i32.const 2
  i32.shl
  i32.const 63
  i32.add
  i32.const 64
  i32.div_s
  i32.const 6
  i32.shl
  i32.add
  local.set $8
  i32.const 0
  local.set $0
  i32.const 0
  local.set $5
  loop $for-loop|3
   local.get $2
   local.get $5
   i32.gt_s
   if
    i32.const 0
    local.set $6
    loop $for-loop|4
     local.get $3
     local.get $6
     i32.gt_s
     if
      i32.const 0
      local.set $7
      loop $for-loop|5
       local.get $4
       local.get $7
       i32.gt_s
       if
        local.get $0
        local.tee $1
        i32.const 1
        i32.add
        local.set $0
        local.get $8
        local.get $1
        i32.const 2
        i32.shl
        i32.add
        local.get $5
        local.get $11
        i32.mul
        local.get $6
        i32.add
        local.get $12
        i32.mul
        local.get $7
        i32.add
        i32.const 2
        i32.shl
        i32.store
        local.get $7
        i32.const 1
        i32.add
        local.set $7
        br $for-loop|5
       end
      end
      local.get $6
      i32.const 1
      i32.add
      local.set $6
      br $for-loop|4
     end
    end
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|3
   end
  end
  loop $for-loop|6
   local.get $0
   local.get $9
   i32.const 2
   i32.add
   i32.const 3
   i32.div_s
   i32.const 3
   i32.mul
   i32.lt_s
   if
    local.get $8
    local.get $0
    i32.const 2
    i32.shl
    i32.add
    i32.const 0
    i32.store
    local.get $0
    i32.const 1
    i32.add
    local.set $0
    br $for-loop|6
   end
  end
 )
 (func $src/kernels/wasm/assembly/bias/addChannelSumsSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 f64)
  (local $10 i32)
  (local $11 i32)
  local.get $5
  i32.const 1
  i32.eq
  if
   local.get $2
   i32.const 0
   local.get $4
   i32.const 3
   i32.shl
   memory.fill
   loop $for-loop|0
    local.get $3
    local.get $7
    i32.gt_s
    if
     local.get $0
     local.get $4
     local.get $7
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $10
     i32.const 0
     local.set $5
     loop $for-loop|1
      local.get $5
      i32.const 2
      i32.add
      local.tee $6
      local.get $4
      i32.le_s
      if
       local.get $2
       local.get $5
       i32.const 3
       i32.shl
       i32.add
       local.tee $11
       local.get $11
       v128.load
       local.get $10
       local.get $5
       i32.const 2
       i32.shl
       i32.add
       v128.load64_zero
       f64x2.promote_low_f32x4
       f64x2.add
       v128.store
       local.get $6
       local.set $5
       br $for-loop|1
      end
     end
     loop $for-loop|2
      local.get $4
      local.get $5
      i32.gt_s
      if
       local.get $2
       local.get $5
       i32.const 3
       i32.shl
       i32.add
       local.tee $6
       local.get $6
       f64.load
       local.get $10
       local.get $5
       i32.const 2
       i32.shl
       i32.add
       f32.load
       f64.promote_f32
       f64.add
       f64.store
       local.get $5
       i32.const 1
       i32.add
       local.set $5
       br $for-loop|2
      end
     end
     local.get $7
     i32.const 1
     i32.add
     local.set $7
     br $for-loop|0
    end
   end
  else
   loop $for-loop|3
    local.get $4
    local.get $6
    i32.gt_s
    if
     f64.const 0
     local.set $9
     i32.const 0
     local.set $7
     loop $for-loop|4
      local.get $3
      local.get $7
      i32.gt_s
      if
       local.get $9
       local.get $0
       local.get $4
       local.get $7
       i32.mul
       local.get $6
       i32.add
       local.get $5
       i32.mul
       i32.const 2
       i32.shl
       i32.add
       local.get $5
       call $src/kernels/wasm/assembly/adaptive-pool/sumPlaneSimd
       f64.add
       local.set $9
       local.get $7
       i32.const 1
       i32.add
       local.set $7
       br $for-loop|4
      end
     end
     local.get $2
     local.get $6
     i32.const 3
     i32.shl
     i32.add
     local.get $9
     f64.store
     local.get $6
     i32.const 1
     i32.add
     local.set $6
     br $for-loop|3
    end
   end
  end
  loop $for-loop|5
   local.get $4
   local.get $8
   i32.gt_s
   if
    local.get $1
    local.get $8
    i32.const 2
    i32.shl
    i32.add
    local.tee $0
    local.get $0
    f32.load
    f64.promote_f32
    local.get $2
    local.get $8
    i32.const 3
    i32.shl
    i32.add
    f64.load
    f64.add
    f32.demote_f64
    f32.store
    local.get $8
    i32.const 1
    i32.add
    local.set $8
    br $for-loop|5
   end
  end
 )
 (func $src/kernels/wasm/assembly/bias/addBiasSimd (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32)
  (local $5 i32)
  (local $6 i32)
  (local $7 v128)
  (local $8 f32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  local.get $4
  i32.const 1
  i32.eq
  if
   loop $for-loop|0
    local.get $2
    local.get $9
    i32.gt_s
    if
     local.get $0
     local.get $3
     local.get $9
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $6
     i32.const 0
     local.set $4
     loop $for-loop|1
      local.get $4
      i32.const 4
      i32.add
      local.tee $5
      local.get $3
      i32.le_s
      if
       local.get $4
       i32.const 2
       i32.shl
       local.tee $4
       local.get $6
       i32.add
       local.tee $10
       local.get $10
       v128.load
       local.get $1
       local.get $4
       i32.add
       v128.load
       f32x4.add
       v128.store
       local.get $5
       local.set $4
       br $for-loop|1
      end
     end
     loop $for-loop|2
      local.get $3
      local.get $4
      i32.gt_s
      if
       local.get $4
       i32.const 2
       i32.shl
       local.tee $5
       local.get $6
       i32.add
       local.tee $10
       local.get $10
       f32.load
       local.get $1
       local.get $5
       i32.add
       f32.load
       f32.add
       f32.store
       local.get $4
       i32.const 1
       i32.add
       local.set $4
       br $for-loop|2
      end
     end
     local.get $9
     i32.const 1
     i32.add
     local.set $9
     br $for-loop|0
    end
   end
   return
  end
  loop $for-loop|3
   local.get $2
   local.get $9
   i32.gt_s
   if
    i32.const 0
    local.set $10
    loop $for-loop|4
     local.get $3
     local.get $10
     i32.gt_s
     if
      local.get $0
      local.get $3
      local.get $9
      i32.mul
      local.get $10
      i32.add
      local.get $4
      i32.mul
      i32.const 2
      i32.shl
      i32.add
      local.set $11
      local.get $1
      local.get $10
      i32.const 2
      i32.shl
      i32.add
      f32.load
      local.tee $8
      f32x4.splat
      local.set $7
      i32.const 0
      local.set $5
      loop $for-loop|5
       local.get $5
       i32.const 4
       i32.add
       local.tee $6
       local.get $4
       i32.le_s
       if
        local.get $11
        local.get $5
        i32.const 2
        i32.shl
        i32.add
        local.tee $5
        local.get $5
        v128.load
        local.get $7
        f32x4.add
        v128.store
        local.get $6
        local.set $5
        br $for-loop|5
       end
      end
      loop $for-loop|6
       local.get $4
       local.get $5
       i32.gt_s
       if
        local.get $11
        local.get $5
        i32.const 2
        i32.shl
        i32.add
        local.tee $6
        local.get $6
        f32.load
        local.get $8
        f32.add
        f32.store
        local.get $5
        i32.const 1
        i32.add
        local.set $5
        br $for-loop|6
       end
      end
      local.get $10
      i32.const 1
      i32.add
      local.set $10
      br $for-loop|4
     end
    end
    local.get $9
    i32.const 1
    i32.add
    local.set $9
    br $for-loop|3
   end
  end
 )
 (func $src/kernels/wasm/assembly/batch-norm/sumAndDotNormalisedSimd (param $0 i32) (param $1 i32) (param $2 f32) (param $3 f32) (param $4 i32) (result f64)
  (local $5 i32)
  (local $6 i32)
  (local $7 v128)
  (local $8 v128)
  (local $9 v128)
  (local $10 v128)
  (local $11 v128)
  (local $12 v128)
  (local $13 v128)
  (local $14 v128)
  (local $15 f64)
  (local $16 f64)
  (local $17 i32)
  (local $18 v128)
  (local $19 v128)
  (local $20 v128)
  (local $21 v128)
  local.get $2
  f32x4.splat
  local.set $11
  local.get $3
  f32x4.splat
  local.set $12
  loop $for-loop|0
   local.get $5
   i32.const 8
   i32.add
   local.tee $6
   local.get $4
   i32.le_s
   if
    local.get $7
    local.get $5
    i32.const 2
    i32.shl
    local.tee $5
    local.get $0
    i32.add
    local.tee $17
    v128.load
    local.tee $18
    f64x2.promote_low_f32x4
    local.tee $19
    f64x2.add
    local.set $7
    local.get $9
    local.get $18
    local.get $18
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.tee $18
    f64x2.add
    local.set $9
    local.get $13
    local.get $17
    v128.load offset=16
    local.tee $20
    f64x2.promote_low_f32x4
    local.tee $21
    f64x2.add
    local.set $13
    local.get $14
    local.get $20
    local.get $20
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.tee $20
    f64x2.add
    local.set $14
    local.get $8
    local.get $19
    local.get $1
    local.get $5
    i32.add
    local.tee $5
    v128.load
    local.get $11
    f32x4.sub
    local.get $12
    f32x4.mul
    local.tee $19
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.get $21
    local.get $5
    v128.load offset=16
    local.get $11
    f32x4.sub
    local.get $12
    f32x4.mul
    local.tee $21
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.set $8
    local.get $10
    local.get $18
    local.get $19
    local.get $19
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.get $20
    local.get $21
    local.get $21
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.set $10
    local.get $6
    local.set $5
    br $for-loop|0
   end
  end
  local.get $7
  local.get $9
  f64x2.add
  local.get $13
  local.get $14
  f64x2.add
  f64x2.add
  local.tee $7
  f64x2.extract_lane 0
  local.get $7
  f64x2.extract_lane 1
  f64.add
  local.set $15
  local.get $5
  local.set $6
  loop $for-loop|1
   local.get $4
   local.get $6
   i32.gt_s
   if
    local.get $15
    local.get $0
    local.get $6
    i32.const 2
    i32.shl
    i32.add
    f32.load
    f64.promote_f32
    f64.add
    local.set $15
    local.get $6
    i32.const 1
    i32.add
    local.set $6
    br $for-loop|1
   end
  end
  loop $for-loop|2
   local.get $5
   i32.const 4
   i32.add
   local.tee $6
   local.get $4
   i32.le_s
   if
    local.get $8
    local.get $5
    i32.const 2
    i32.shl
    local.tee $5
    local.get $0
    i32.add
    v128.load
    local.tee $7
    f64x2.promote_low_f32x4
    local.get $1
    local.get $5
    i32.add
    v128.load
    local.get $11
    f32x4.sub
    local.get $12
    f32x4.mul
    local.tee $9
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.set $8
    local.get $10
    local.get $7
    local.get $7
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    local.get $9
    local.get $9
    i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
    f64x2.promote_low_f32x4
    f64x2.mul
    f64x2.add
    local.set $10
    local.get $6
    local.set $5
    br $for-loop|2
   end
  end
  local.get $8
  local.get $10
  f64x2.add
  local.tee $7
  f64x2.extract_lane 0
  local.get $7
  f64x2.extract_lane 1
  f64.add
  local.set $16
  loop $for-loop|3
   local.get $4
   local.get $5
   i32.gt_s
   if
    local.get $16
    local.get $5
    i32.const 2
    i32.shl
    local.tee $6
    local.get $0
    i32.add
    f32.load
    f64.promote_f32
    local.get $1
    local.get $6
    i32.add
    f32.load
    local.get $2
    f32.sub
    local.get $3
    f32.mul
    f64.promote_f32
    f64.mul
    f64.add
    local.set $16
    local.get $5
    i32.const 1
    i32.add
    local.set $5
    br $for-loop|3
   end
  end
  local.get $16
  global.set $src/kernels/wasm/assembly/batch-norm/dotResult
  local.get $15
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormStatsSimd (param $0 i32)
  local.get $0
  i32.const 0
  local.get $0
  i32.load offset=4
  call $src/kernels/wasm/assembly/batch-norm/batchNormStatsChannels
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormForwardSimd (param $0 i32)
  local.get $0
  i32.const 0
  local.get $0
  i32.load offset=4
  call $src/kernels/wasm/assembly/batch-norm/batchNormForwardChannels
 )
 (func $src/kernels/wasm/assembly/batch-norm/batchNormBackwardSimd (param $0 i32)
  local.get $0
  i32.const 0
  local.get $0
  i32.load offset=4
  call $src/kernels/wasm/assembly/batch-norm/batchNormBackwardChannels
 )
 (func $src/kernels/wasm/assembly/adaptive-pool/adaptiveAvgPool2dPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i64)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 f64)
  (local $14 i32)
  (local $15 i32)
  (local $16 i32)
  (local $17 i32)
  (local $18 i32)
  (local $19 i64)
  (local $20 i64)
  local.get $0
  i32.load
  local.set $12
  local.get $0
  i32.load offset=4
  local.set $15
  local.get $0
  i32.load offset=8
  local.set $18
  local.get $0
  i32.load offset=20
  local.set $11
  local.get $0
  i32.load offset=24
  local.set $1
  local.get $0
  i32.load offset=16
  local.tee $10
  i32.const 1
  i32.eq
  local.get $0
  i32.load offset=12
  local.tee $9
  i32.const 1
  i32.eq
  i32.and
  if
   local.get $15
   local.get $18
   i32.mul
   local.set $0
   loop $for-loop|0
    local.get $3
    local.get $12
    i32.lt_s
    if
     local.get $1
     local.get $3
     i32.const 2
     i32.shl
     i32.add
     local.get $11
     local.get $0
     local.get $3
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.get $0
     call $src/kernels/wasm/assembly/adaptive-pool/sumPlaneSimd
     local.get $0
     f64.convert_i32_s
     f64.div
     f32.demote_f64
     f32.store
     local.get $3
     i32.const 1
     i32.add
     local.set $3
     br $for-loop|0
    end
   end
   return
  end
  local.get $1
  local.set $3
  loop $for-loop|00
   local.get $12
   local.get $14
   i32.gt_s
   if
    local.get $11
    local.get $14
    local.get $15
    local.get $18
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $6
    i32.const 0
    local.set $17
    loop $for-loop|1
     local.get $9
     local.get $17
     i32.gt_s
     if
      local.get $17
      i64.extend_i32_s
      local.tee $5
      local.get $15
      i64.extend_i32_s
      local.tee $19
      i64.mul
      local.get $9
      i64.extend_i32_s
      local.tee $20
      i64.div_s
      i32.wrap_i64
      local.set $1
      local.get $5
      i64.const 1
      i64.add
      local.get $19
      i64.mul
      local.get $20
      i64.add
      i64.const 1
      i64.sub
      local.get $20
      i64.div_s
      i32.wrap_i64
      local.set $8
      i32.const 0
      local.set $16
      loop $for-loop|2
       local.get $10
       local.get $16
       i32.gt_s
       if
        local.get $16
        i64.extend_i32_s
        local.tee $5
        local.get $18
        i64.extend_i32_s
        local.tee $19
        i64.mul
        local.get $10
        i64.extend_i32_s
        local.tee $20
        i64.div_s
        i32.wrap_i64
        local.set $4
        local.get $5
        i64.const 1
        i64.add
        local.get $19
        i64.mul
        local.get $20
        i64.add
        i64.const 1
        i64.sub
        local.get $20
        i64.div_s
        i32.wrap_i64
        local.set $7
        f64.const 0
        local.set $13
        local.get $1
        local.set $0
        loop $for-loop|3
         local.get $0
         local.get $8
         i32.lt_s
         if
          local.get $4
          local.set $2
          loop $for-loop|4
           local.get $2
           local.get $7
           i32.lt_s
           if
            local.get $13
            local.get $6
            local.get $0
            local.get $18
            i32.mul
            local.get $2
            i32.add
            i32.const 2
            i32.shl
            i32.add
            f32.load
            f64.promote_f32
            f64.add
            local.set $13
            local.get $2
            i32.const 1
            i32.add
            local.set $2
            br $for-loop|4
           end
          end
          local.get $0
          i32.const 1
          i32.add
          local.set $0
          br $for-loop|3
         end
        end
        local.get $3
        local.get $13
        local.get $8
        local.get $1
        i32.sub
        local.get $7
        local.get $4
        i32.sub
        i32.mul
        f64.convert_i32_s
        f64.div
        f32.demote_f64
        f32.store
        local.get $3
        i32.const 4
        i32.add
        local.set $3
        local.get $16
        i32.const 1
        i32.add
        local.set $16
        br $for-loop|2
       end
      end
      local.get $17
      i32.const 1
      i32.add
      local.set $17
      br $for-loop|1
     end
    end
    local.get $14
    i32.const 1
    i32.add
    local.set $14
    br $for-loop|00
   end
  end
 )
 (func $src/kernels/wasm/assembly/adaptive-pool/adaptiveAvgPool2dBackwardPlanes (param $0 i32)
  (local $1 i32)
  (local $2 i32)
  (local $3 i32)
  (local $4 i32)
  (local $5 i64)
  (local $6 i32)
  (local $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  (local $15 f32)
  (local $16 v128)
  (local $17 i32)
  (local $18 i32)
  (local $19 f64)
  (local $20 i32)
  (local $21 i32)
  (local $22 i64)
  (local $23 i64)
  local.get $0
  i32.load
  local.set $10
  local.get $0
  i32.load offset=4
  local.set $8
  local.get $0
  i32.load offset=8
  local.set $21
  local.get $0
  i32.load offset=20
  local.set $1
  local.get $0
  i32.load offset=24
  local.set $11
  local.get $0
  i32.load offset=16
  local.tee $12
  i32.const 1
  i32.eq
  local.get $0
  i32.load offset=12
  local.tee $13
  i32.const 1
  i32.eq
  i32.and
  if
   local.get $1
   local.set $2
   local.get $8
   local.get $21
   i32.mul
   local.set $4
   loop $for-loop|0
    local.get $3
    local.get $10
    i32.lt_s
    if
     local.get $2
     local.get $3
     i32.const 2
     i32.shl
     i32.add
     f32.load
     f64.promote_f32
     local.get $4
     f64.convert_i32_s
     f64.div
     f32.demote_f64
     local.tee $15
     f32x4.splat
     local.set $16
     local.get $11
     local.get $3
     local.get $4
     i32.mul
     i32.const 2
     i32.shl
     i32.add
     local.set $6
     i32.const 0
     local.set $0
     loop $for-loop|1
      local.get $0
      i32.const 4
      i32.add
      local.tee $1
      local.get $4
      i32.le_s
      if
       local.get $6
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       local.get $16
       v128.store
       local.get $1
       local.set $0
       br $for-loop|1
      end
     end
     loop $for-loop|2
      local.get $0
      local.get $4
      i32.lt_s
      if
       local.get $6
       local.get $0
       i32.const 2
       i32.shl
       i32.add
       local.get $15
       f32.store
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|2
      end
     end
     local.get $3
     i32.const 1
     i32.add
     local.set $3
     br $for-loop|0
    end
   end
   return
  end
  local.get $1
  local.set $2
  loop $for-loop|00
   local.get $9
   local.get $10
   i32.lt_s
   if
    local.get $11
    local.get $9
    local.get $8
    local.get $21
    i32.mul
    i32.mul
    i32.const 2
    i32.shl
    i32.add
    local.set $17
    i32.const 0
    local.set $6
    loop $for-loop|11
     local.get $6
     local.get $13
     i32.lt_s
     if
      local.get $6
      i64.extend_i32_s
      local.tee $5
      local.get $8
      i64.extend_i32_s
      local.tee $22
      i64.mul
      local.get $13
      i64.extend_i32_s
      local.tee $23
      i64.div_s
      i32.wrap_i64
      local.set $3
      local.get $5
      i64.const 1
      i64.add
      local.get $22
      i64.mul
      local.get $23
      i64.add
      i64.const 1
      i64.sub
      local.get $23
      i64.div_s
      i32.wrap_i64
      local.set $14
      i32.const 0
      local.set $7
      loop $for-loop|22
       local.get $7
       local.get $12
       i32.lt_s
       if
        local.get $2
        f32.load
        f64.promote_f32
        local.get $14
        local.get $3
        i32.sub
        local.get $12
        i64.extend_i32_s
        local.tee $5
        local.get $21
        i64.extend_i32_s
        local.tee $22
        local.get $7
        i64.extend_i32_s
        local.tee $23
        i64.const 1
        i64.add
        i64.mul
        i64.add
        i64.const 1
        i64.sub
        local.get $5
        i64.div_s
        i32.wrap_i64
        local.tee $18
        local.get $22
        local.get $23
        i64.mul
        local.get $5
        i64.div_s
        i32.wrap_i64
        local.tee $4
        i32.sub
        i32.mul
        f64.convert_i32_s
        f64.div
        local.set $19
        local.get $2
        i32.const 4
        i32.add
        local.set $2
        local.get $3
        local.set $0
        loop $for-loop|3
         local.get $0
         local.get $14
         i32.lt_s
         if
          local.get $4
          local.set $1
          loop $for-loop|4
           local.get $1
           local.get $18
           i32.lt_s
           if
            local.get $17
            local.get $0
            local.get $21
            i32.mul
            local.get $1
            i32.add
            i32.const 2
            i32.shl
            i32.add
            local.tee $20
            local.get $20
            f32.load
            f64.promote_f32
            local.get $19
            f64.add
            f32.demote_f64
            f32.store
            local.get $1
            i32.const 1
            i32.add
            local.set $1
            br $for-loop|4
           end
          end
          local.get $0
          i32.const 1
          i32.add
          local.set $0
          br $for-loop|3
         end
        end
        local.get $7
        i32.const 1
        i32.add
        local.set $7
        br $for-loop|22
       end
      end
      local.get $6
      i32.const 1
      i32.add
      local.set $6
      br $for-loop|11
     end
    end
    local.get $9
    i32.const 1
    i32.add
    local.set $9
    br $for-loop|00
   end
  end
 )
)
